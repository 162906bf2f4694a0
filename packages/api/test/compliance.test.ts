import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Account, AuditLog } from '@recoup/db';
import { createHarness, type Harness } from './support/harness.ts';
import { zoneAtHour } from './support/zone-at-hour.ts';

describe('compliance settings and the call log', () => {
  let h: Harness;
  let accountId: string;

  beforeAll(async () => {
    h = await createHarness();
    const em = h.db.orm.em.fork();
    const account = em.create(Account, { externalRef: 'CALL-1', name: 'Callee', customerType: 'consumer', currency: 'EUR', timeZone: zoneAtHour(14) });
    await em.flush();
    accountId = account.id;
  });
  afterAll(async () => {
    await h?.close();
  });

  it('starts with the Reg F defaults for both customer types', async () => {
    const { agent } = await h.login('collector1');
    const response = await agent.get('/api/compliance-settings');
    expect(response.status).toBe(200);
    expect(response.body).toEqual([
      expect.objectContaining({ customerType: 'business', contactStartMinutes: 480, contactEndMinutes: 1260, maxCallAttempts: 7, callWindowDays: 7, quietDaysAfterConversation: 7, callLimitScope: 'debt' }),
      expect.objectContaining({ customerType: 'consumer', contactStartMinutes: 480, contactEndMinutes: 1260, maxCallAttempts: 7, callWindowDays: 7, quietDaysAfterConversation: 7 }),
    ]);
  });

  it('lets only an admin change a setting, refuses an inverted contact window naming the field, and audits the change', async () => {
    const body = { contactStartMinutes: 540, contactEndMinutes: 1200, maxCallAttempts: 5, callWindowDays: 7, quietDaysAfterConversation: 3 };
    const manager = await h.login('manager');
    expect((await manager.agent.put('/api/compliance-settings/business').set('X-CSRF-Token', manager.csrf).send(body)).status).toBe(403);
    const admin = await h.login('admin');
    const inverted = await admin.agent
      .put('/api/compliance-settings/business')
      .set('X-CSRF-Token', admin.csrf)
      .send({ ...body, contactEndMinutes: 500 });
    expect(inverted.status).toBe(400);
    expect(JSON.stringify(inverted.body)).toContain('contactEndMinutes');
    const saved = await admin.agent.put('/api/compliance-settings/business').set('X-CSRF-Token', admin.csrf).send(body);
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ customerType: 'business', ...body });
    expect(await h.db.orm.em.fork().count(AuditLog, { action: 'compliance-setting.updated', entityId: 'business' })).toBe(1);
  });

  it('logs seven calls in seven days and refuses the eighth with 422 naming the rule and the first moment it would be allowed', async () => {
    const { agent, csrf } = await h.login('manager');
    const day = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();
    for (const n of [6, 5, 4, 3, 2, 1, 0.1]) {
      const logged = await agent.post(`/api/accounts/${accountId}/calls`).set('X-CSRF-Token', csrf).send({ outcome: 'no-answer', placedAt: day(n) });
      expect(logged.status).toBe(201);
    }
    const refused = await agent.post(`/api/accounts/${accountId}/calls`).set('X-CSRF-Token', csrf).send({ outcome: 'no-answer' });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('call-limit');
    expect(refused.body.error.message).toContain('at most 7 calls in 7 days');
    expect(refused.body.error.details.rules).toEqual(['max-attempts-in-window']);
    expect(refused.body.error.message).toContain('7 calls were placed in the last 7 days');
    expect(Date.parse(refused.body.error.details.nextAllowedAt)).toBeCloseTo(Date.parse(day(6)) + 7 * 86_400_000, -4);
    const list = await agent.get(`/api/accounts/${accountId}/calls`);
    expect(list.body).toHaveLength(7);
  });

  it('refuses any call within seven days after a conversation', async () => {
    const em = h.db.orm.em.fork();
    const other = em.create(Account, { externalRef: 'CALL-2', name: 'Talker', customerType: 'consumer', currency: 'EUR', timeZone: zoneAtHour(14) });
    await em.flush();
    const { agent, csrf } = await h.login('manager');
    const talked = await agent.post(`/api/accounts/${other.id}/calls`).set('X-CSRF-Token', csrf).send({ outcome: 'conversation' });
    expect(talked.status).toBe(201);
    const again = await agent.post(`/api/accounts/${other.id}/calls`).set('X-CSRF-Token', csrf).send({ outcome: 'no-answer' });
    expect(again.status).toBe(422);
    expect(again.body.error.message).toContain('no call may follow within 7 days');
    expect(again.body.error.details.rules).toEqual(['quiet-after-conversation']);
  });

  it("hides another collector's account from a collector", async () => {
    const { agent, csrf } = await h.login('collector2');
    const response = await agent.post(`/api/accounts/${accountId}/calls`).set('X-CSRF-Token', csrf).send({ outcome: 'no-answer' });
    expect(response.status).toBe(404);
  });

  it('serves the facts registry with types, fixed values and the operators for each type', async () => {
    const { agent } = await h.login('collector1');
    const response = await agent.get('/api/facts');
    expect(response.status).toBe(200);
    const names = (response.body.facts as { name: string }[]).map((f) => f.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'daysPastDue', 'overdueAmountMinor', 'totalOpenMinor', 'openInvoiceCount', 'riskScore', 'segment', 'tags',
        'customerType', 'promiseStatus', 'brokenPromises', 'disputeOpen', 'lastContactAt', 'contactsLast7Days',
        'remindersSent', 'currentBucket',
      ]),
    );
    expect(response.body.facts).toContainEqual(expect.objectContaining({ name: 'promiseStatus', type: 'string', values: ['none', 'open', 'kept', 'broken'] }));
    expect(response.body.operatorsByType.list).toEqual(['contains', 'doesNotContain']);
  });
});
