import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Account, AuditLog } from '@recoup/db';
import { createHarness, type Harness, type LoggedIn } from './support/harness.ts';

// The debtor's request to cease communication, recorded by a manager: while it stands the reminder activity
// suppresses every reminder (proven in the integration tests); here, who may set and clear it, and the audit.

let h: Harness;
let manager: LoggedIn;
let admin: LoggedIn;
let collector: LoggedIn;
let accountId: string;

const path = (id: string) => `/api/accounts/${id}/cease-communication`;
const flagOf = async (id: string) => {
  const account = await h.db.orm.em.fork().findOneOrFail(Account, { id });
  return { ceaseCommunication: account.ceaseCommunication, ceaseCommunicationAt: account.ceaseCommunicationAt ?? null };
};

beforeAll(async () => {
  h = await createHarness();
  manager = await h.login('manager');
  admin = await h.login('admin');
  collector = await h.login('collector1');
  const em = h.db.orm.em.fork();
  const account = em.create(Account, {
    externalRef: 'CEASE-1',
    name: 'Quiet Please Ltd',
    customerType: 'consumer',
    segment: 'standard',
    riskScore: null,
    currency: 'EUR',
    timeZone: 'Europe/Dublin',
    assignedCollector: collector.userId,
  });
  await em.flush();
  accountId = account.id;
});

afterAll(async () => {
  await h?.close();
});

describe('cease-communication on an account', () => {
  it('is refused to a collector, even on their own account', async () => {
    const res = await collector.agent.post(path(accountId)).set('x-csrf-token', collector.csrf).send({ reason: 'letter of 2 Nov' });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('forbidden-role');
    expect((await flagOf(accountId)).ceaseCommunication).toBe(false);
  });

  it('needs the CSRF token and a reason', async () => {
    const noToken = await manager.agent.post(path(accountId)).send({ reason: 'letter of 2 Nov' });
    expect(noToken.status).toBe(403);
    expect(noToken.body.error.code).toBe('csrf-token-missing');
    const noReason = await manager.agent.post(path(accountId)).set('x-csrf-token', manager.csrf).send({ reason: '  ' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.details.fields).toEqual([expect.objectContaining({ in: 'body', path: 'reason' })]);
    expect((await flagOf(accountId)).ceaseCommunication).toBe(false);
  });

  it('answers 404 for an account that does not exist', async () => {
    const res = await manager.agent
      .post(path('00000000-0000-4000-8000-000000000000'))
      .set('x-csrf-token', manager.csrf)
      .send({ reason: 'letter of 2 Nov' });
    expect(res.status).toBe(404);
  });

  it('is set by a manager, audited with the reason, shown on the account, and a repeat changes nothing', async () => {
    const res = await manager.agent.post(path(accountId)).set('x-csrf-token', manager.csrf).send({ reason: 'Debtor wrote on 2 Nov: stop contacting me' });

    expect(res.status).toBe(200);
    expect(res.body).toEqual({ accountId, ceaseCommunication: true, ceaseCommunicationAt: expect.any(String) });
    const stored = await flagOf(accountId);
    expect(stored.ceaseCommunication).toBe(true);
    expect(stored.ceaseCommunicationAt?.toISOString()).toBe(res.body.ceaseCommunicationAt);
    const audits = await h.db.orm.em.fork().find(AuditLog, { action: 'account.cease-communication', entityId: accountId });
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actorId: manager.userId, entity: 'account', details: { reason: 'Debtor wrote on 2 Nov: stop contacting me' } });
    const detail = await manager.agent.get(`/api/accounts/${accountId}`);
    expect(detail.body.account).toMatchObject({ ceaseCommunication: true, ceaseCommunicationAt: res.body.ceaseCommunicationAt });

    const repeat = await manager.agent.post(path(accountId)).set('x-csrf-token', manager.csrf).send({ reason: 'again' });
    expect(repeat.body).toEqual(res.body);
    expect(await h.db.orm.em.fork().count(AuditLog, { action: 'account.cease-communication', entityId: accountId })).toBe(1);
  });

  it('is not cleared by a collector, and is cleared by an admin with DELETE, audited', async () => {
    const refused = await collector.agent.delete(path(accountId)).set('x-csrf-token', collector.csrf);
    expect(refused.status).toBe(403);
    expect((await flagOf(accountId)).ceaseCommunication).toBe(true);

    const res = await admin.agent.delete(path(accountId)).set('x-csrf-token', admin.csrf).send({ reason: 'Debtor asked to be called' });

    expect(res.status).toBe(200);
    expect(res.body).toEqual({ accountId, ceaseCommunication: false, ceaseCommunicationAt: null });
    expect(await flagOf(accountId)).toEqual({ ceaseCommunication: false, ceaseCommunicationAt: null });
    const cleared = await h.db.orm.em.fork().find(AuditLog, { action: 'account.cease-communication-cleared', entityId: accountId });
    expect(cleared).toHaveLength(1);
    expect(cleared[0]).toMatchObject({ actorId: admin.userId, details: { reason: 'Debtor asked to be called', since: expect.any(String) } });
  });
});
