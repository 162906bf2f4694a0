import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { AppUser, AuditLog } from '@recoup/db';
import { createHarness, type Harness, type LoggedIn } from './support/harness.ts';

let h: Harness;
let admin: LoggedIn;
let manager: LoggedIn;

const PASSWORD = 'correct horse battery';

const login = (email: string, password: string) => request(h.app).post('/api/auth/login').send({ email, password });

beforeAll(async () => {
  h = await createHarness();
  admin = await h.login('admin');
  manager = await h.login('manager');
});
afterAll(async () => {
  await h.close();
});

const post = (path: string, body: unknown) => admin.agent.post(path).set('x-csrf-token', admin.csrf).send(body as object);
const patch = (id: string, body: unknown) => admin.agent.patch(`/api/users/${id}`).set('x-csrf-token', admin.csrf).send(body as object);

describe('user administration', () => {
  it('lists every user with role, team and active flag, and never a password hash', async () => {
    const response = await admin.agent.get('/api/users');
    expect(response.status).toBe(200);
    const clara = response.body.find((u: { email: string }) => u.email === 'collector1@recoup.local');
    expect(clara).toMatchObject({ role: 'collector', active: true, managerId: manager.userId });
    expect(JSON.stringify(response.body)).not.toContain('argon2');
  });

  it('refuses managers and collectors with 403', async () => {
    expect((await manager.agent.get('/api/users')).status).toBe(403);
    const c1 = await h.login('collector1');
    expect((await c1.agent.post('/api/users').set('x-csrf-token', c1.csrf).send({})).status).toBe(403);
  });

  it('creates a collector on a team with an argon2id hash, who can then log in', async () => {
    const response = await post('/api/users', {
      email: 'New.Collector@Recoup.local',
      name: 'Nina New',
      role: 'collector',
      password: PASSWORD,
      managerId: manager.userId,
    });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ email: 'new.collector@recoup.local', role: 'collector', managerId: manager.userId, active: true });
    const stored = await h.db.orm.em.fork().findOneOrFail(AppUser, { id: response.body.id });
    expect(stored.passwordHash.startsWith('$argon2id$')).toBe(true);
    expect((await login('new.collector@recoup.local', PASSWORD)).status).toBe(200);
    const [entry] = await h.db.orm.em.fork().find(AuditLog, { action: 'user.created', entityId: response.body.id });
    expect(JSON.stringify(entry?.details)).not.toContain(PASSWORD);
  });

  it('refuses a taken e-mail with 409, a short password with 400 and a team for a non-collector with 422', async () => {
    const taken = await post('/api/users', { email: 'manager@recoup.local', name: 'X', role: 'collector', password: PASSWORD });
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe('email-taken');
    const short = await post('/api/users', { email: 'short@recoup.local', name: 'X', role: 'collector', password: 'short' });
    expect(short.status).toBe(400);
    expect(short.body.error.details.fields).toEqual([expect.objectContaining({ path: 'password', reason: 'must have at least 12 characters' })]);
    const team = await post('/api/users', { email: 'lead@recoup.local', name: 'X', role: 'manager', password: PASSWORD, managerId: manager.userId });
    expect(team.status).toBe(422);
    expect(team.body.error.details.fields[0]).toMatchObject({ path: 'managerId' });
    const notManager = await post('/api/users', { email: 'c9@recoup.local', name: 'X', role: 'collector', password: PASSWORD, managerId: admin.userId });
    expect(notManager.status).toBe(422);
    expect(notManager.body.error.details.fields[0]).toMatchObject({ path: 'managerId', reason: 'is not a manager' });
  });

  it('changes role and team, and taking the collector role away takes the user off the team', async () => {
    const id = await h.addUser({ email: 'mover@recoup.local', name: 'Mo Mover', role: 'collector', managerId: manager.userId });
    const promoted = await patch(id, { role: 'manager' });
    expect(promoted.status).toBe(200);
    expect(promoted.body).toMatchObject({ role: 'manager', managerId: null });
    const back = await patch(id, { role: 'collector', managerId: manager.userId });
    expect(back.body).toMatchObject({ role: 'collector', managerId: manager.userId });
    const entries = await h.db.orm.em.fork().find(AuditLog, { action: 'user.updated', entityId: id }, { orderBy: { id: 'asc' } });
    expect(entries.map((e) => (e.details as { after: { role: string } }).after.role)).toEqual(['manager', 'collector']);
  });

  it('deactivating a user ends their sessions at once', async () => {
    const id = await h.addUser({ email: 'leaver@recoup.local', name: 'Lee Leaver', role: 'collector' });
    const leaver = await h.loginAs('leaver@recoup.local');
    expect((await leaver.agent.get('/api/auth/me')).status).toBe(200);
    expect((await patch(id, { active: false })).status).toBe(200);
    expect((await leaver.agent.get('/api/tasks')).status).toBe(401);
    expect((await login('leaver@recoup.local', 'demo-password')).status).toBe(401);
  });

  it('resets a password: the old one stops working, sessions end, and the audit holds no hash', async () => {
    const id = await h.addUser({ email: 'forgetful@recoup.local', name: 'Fay Forgetful', role: 'collector' });
    const session = await h.loginAs('forgetful@recoup.local');
    const response = await post(`/api/users/${id}/password`, { password: PASSWORD });
    expect(response.status).toBe(200);
    expect((await session.agent.get('/api/auth/me')).status).toBe(401);
    expect((await login('forgetful@recoup.local', 'demo-password')).status).toBe(401);
    expect((await login('forgetful@recoup.local', PASSWORD)).status).toBe(200);
    const [entry] = await h.db.orm.em.fork().find(AuditLog, { action: 'user.password-reset', entityId: id });
    expect(entry?.details).toEqual({ sessionsEnded: 1 });
  });

  it('refuses demoting or deactivating the last active admin with 409, and allows it once there is another', async () => {
    const demote = await patch(admin.userId, { role: 'manager' });
    expect(demote.status).toBe(409);
    expect(demote.body.error.code).toBe('last-admin');
    const deactivate = await patch(admin.userId, { active: false });
    expect(deactivate.status).toBe(409);
    expect(deactivate.body.error.details.fields[0]).toMatchObject({ path: 'active' });
    const second = await h.addUser({ email: 'admin2@recoup.local', name: 'Abe Admin', role: 'admin' });
    const other = await h.loginAs('admin2@recoup.local');
    const allowed = await other.agent.patch(`/api/users/${admin.userId}`).set('x-csrf-token', other.csrf).send({ role: 'manager' });
    expect(allowed.status).toBe(200);
    const last = await other.agent.patch(`/api/users/${second}`).set('x-csrf-token', other.csrf).send({ active: false });
    expect(last.status).toBe(409);
  });

  it('refuses demoting a manager who still leads collectors with 409', async () => {
    const lead = await h.addUser({ email: 'lead2@recoup.local', name: 'Lea Lead', role: 'manager' });
    await h.addUser({ email: 'follower@recoup.local', name: 'Fin Follower', role: 'collector', managerId: lead });
    const other = await h.loginAs('admin2@recoup.local');
    const response = await other.agent.patch(`/api/users/${lead}`).set('x-csrf-token', other.csrf).send({ role: 'collector' });
    expect(response.status).toBe(409);
    expect(response.body.error.code).toBe('manager-has-team');
  });
});
