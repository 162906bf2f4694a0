import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Account, AppUser, AuditLog, CallAttempt, ComplianceSetting, CollectorTask, Communication, Contact, CreditNote, Invoice } from '@recoup/db';
import { createTestDatabase, insertTestAccount, insertTestInvoice, type TestDatabase } from '@recoup/db/testing';
import { createActivities, type Mailer } from '@recoup/workflows/worker';

// The activities behind the assign, tag, switch, call-task and end nodes, on a real PostgreSQL database.

const NOON = new Date('2026-03-10T12:00:00.000Z');
const DAY = 86_400_000;
const unusedMailer: Mailer = {
  send: () => Promise.reject(new Error('no e-mail is sent in these tests')),
  close: () => undefined,
};

describe('activities of the strategy engine', () => {
  let db: TestDatabase;
  let counter = 0;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });

  const activities = (now = NOON) => createActivities({ orm: db.orm, mailer: unusedMailer, publicUrl: 'http://localhost', now: () => now });
  const effect = (accountId: string, nodeId: string) => ({ key: `wf/run/${nodeId}:${++counter}`, accountId, workflowId: 'wf', nodeId });

  async function account(overdueMinor: bigint, fields: Partial<{ customerType: 'consumer' | 'business'; segment: string }> = {}): Promise<string> {
    const em = db.orm.em.fork();
    const acc = await insertTestAccount(em, { prefix: 'ENG', timeZone: 'UTC', ...fields });
    await insertTestInvoice(em, acc, overdueMinor, { dueDate: '2026-02-01' });
    return acc.id;
  }

  async function collector(email: string, pools: string[], skills: string[], capacity = 10): Promise<string> {
    const em = db.orm.em.fork();
    const user = em.create(AppUser, { email, name: email, role: 'collector', passwordHash: 'x', capacity, pools, skills });
    await em.flush();
    return user.id;
  }

  it('gives the account to the least-loaded collector of the pool a rule chose who has the skills and room', async () => {
    const busy = await collector('busy@recoup.test', ['high-value'], ['german']);
    const idle = await collector('idle@recoup.test', ['high-value'], ['german']);
    await collector('unskilled@recoup.test', ['high-value'], []);
    await collector('other-pool@recoup.test', ['general'], ['german']);
    const em = db.orm.em.fork();
    const earlier = await account(5000n);
    await em.nativeUpdate(Account, { id: earlier }, { assignedCollector: busy });
    const id = await account(250_000n);
    const rules = [{ name: 'high-value', priority: 10, condition: { fact: 'overdueAmountMinor', operator: 'greaterThan', value: 100_000 } }];
    const result = await activities().assignCollector({ ...effect(id, 'assign'), rules, defaultPool: 'general', requiredSkills: ['german'] });
    expect(result).toEqual({ pool: 'high-value', assigneeId: idle, reason: expect.stringContaining('rule "high-value" held') });
    const stored = await db.orm.em.fork().findOneOrFail(Account, { id });
    expect(stored.pool).toBe('high-value');
    expect(stored.assignedCollector?.id).toBe(idle);
    expect(await db.orm.em.fork().count(AuditLog, { action: 'account.assigned', entityId: id })).toBe(1);
  });

  it('leaves the account in the default pool queue when nobody there has the skills', async () => {
    const id = await account(100n);
    const result = await activities().assignCollector({ ...effect(id, 'assign'), rules: [], defaultPool: 'general', requiredSkills: ['french'] });
    expect(result).toEqual({ pool: 'general', assigneeId: null, reason: expect.stringContaining("waits in the pool's queue") });
  });

  it('sets the segment and tags once, however often the activity runs', async () => {
    const id = await account(100n);
    const input = { ...effect(id, 'tag'), segment: 'hardship', addTags: ['hardship', 'callback'], removeTags: [] };
    expect(await activities().setTags(input)).toEqual({ segment: 'hardship', searchSegment: 'hardship', tags: ['callback', 'hardship'] });
    expect(await activities().setTags(input)).toEqual({ segment: 'hardship', searchSegment: 'hardship', tags: ['callback', 'hardship'] });
    expect(await db.orm.em.fork().count(AuditLog, { action: 'account.tagged', entityId: id })).toBe(1);
  });

  it('keeps an imported segment that is not a label out of what Temporal may index', async () => {
    const id = await account(100n, { segment: 'Jane Doe, jane@example.test' });
    const result = await activities().setTags({ ...effect(id, 'tag'), segment: null, addTags: ['callback'], removeTags: [] });
    expect(result).toEqual({ segment: 'Jane Doe, jane@example.test', searchSegment: null, tags: ['callback'] });
  });

  it('picks the highest-priority switch rule that holds over the real facts', async () => {
    const id = await account(20_000n, { segment: 'vip' });
    const rules = [
      { name: 'large', priority: 1, condition: { fact: 'overdueAmountMinor', operator: 'greaterThan', value: 10_000 } },
      { name: 'vip', priority: 9, condition: { fact: 'segment', operator: 'equal', value: 'vip' } },
    ];
    const result = await activities().evaluateSwitch({ accountId: id, nodeId: 'sw', rules });
    expect(result).toMatchObject({ outcome: 'vip', matched: ['segment equal "vip" (was "vip")'] });
    const none = await activities().evaluateSwitch({ accountId: id, nodeId: 'sw', rules: rules.map((r) => ({ ...r, condition: { fact: 'daysPastDue', operator: 'lessThan', value: 0 } })) });
    expect(none.outcome).toBeNull();
  });

  it("computes the facts of a condition and a switch as of the workflow's clock it is given, not the worker's", async () => {
    // Due 2026-02-01: 37 days past due at NOON on the worker's clock, 67 days on a workflow clock 30 days ahead.
    const id = await account(20_000n);
    const asOf = new Date(NOON.getTime() + 30 * DAY).toISOString();
    const condition = { fact: 'daysPastDue', operator: 'greaterThan', value: 60 };
    expect(await activities().evaluateCondition({ accountId: id, nodeId: 'late', condition })).toMatchObject({ result: false });
    expect(await activities().evaluateCondition({ accountId: id, nodeId: 'late', condition, asOf })).toMatchObject({
      result: true,
      matched: ['daysPastDue greaterThan 60 (was 67)'],
    });
    const rules = [{ name: 'late', priority: 1, condition }];
    expect(await activities().evaluateSwitch({ accountId: id, nodeId: 'sw', rules, asOf })).toMatchObject({ outcome: 'late' });
  });

  describe('call tasks under the call-frequency limits', () => {
    const callTask = (id: string) => ({
      ...effect(id, 'call'),
      taskType: 'call' as const,
      title: 'Call',
      assignment: 'least-loaded' as const,
      outcomes: ['done'],
      dueAt: new Date(NOON.getTime() + DAY).toISOString(),
    });

    async function calls(accountId: string, placed: { daysAgo: number; outcome: 'no-answer' | 'conversation' }[]): Promise<void> {
      const em = db.orm.em.fork();
      for (const call of placed) {
        em.create(CallAttempt, { account: accountId, placedAt: new Date(NOON.getTime() - call.daysAgo * DAY), outcome: call.outcome });
      }
      await em.flush();
    }

    it('creates a call task when fewer than seven calls were placed this week', async () => {
      const id = await account(5000n, { customerType: 'consumer' });
      await calls(id, [1, 2, 3, 4, 5, 6].map((daysAgo) => ({ daysAgo, outcome: 'no-answer' as const })));
      const created = await activities().createTask(callTask(id));
      expect(created).toMatchObject({ created: true });
    });

    it('defers the call task, creating nothing, after seven calls in seven days', async () => {
      const id = await account(5000n, { customerType: 'consumer' });
      await calls(id, [0.5, 1, 2, 3, 4, 5, 6].map((daysAgo) => ({ daysAgo, outcome: 'no-answer' as const })));
      const input = callTask(id);
      const deferred = await activities().createTask(input);
      expect(deferred).toEqual({
        status: 'deferred',
        deferredUntil: new Date(NOON.getTime() + DAY).toISOString(),
        reason: expect.stringContaining('7 calls were placed in the last 7 days'),
      });
      expect(await db.orm.em.fork().count(CollectorTask, { key: input.key })).toBe(0);
    });

    it('defers the call task for seven days after a conversation, and honours the customer type setting', async () => {
      const id = await account(5000n, { customerType: 'business' });
      await calls(id, [{ daysAgo: 2, outcome: 'conversation' }]);
      expect(await activities().createTask(callTask(id))).toMatchObject({
        status: 'deferred',
        deferredUntil: new Date(NOON.getTime() + 5 * DAY).toISOString(),
      });
      await db.orm.em.fork().nativeUpdate(ComplianceSetting, { customerType: 'business' }, { quietDaysAfterConversation: 1 });
      expect(await activities().createTask(callTask(id))).toMatchObject({ created: true });
    });

    it("defers a call task until it is inside contact hours in both the phone's and the address's zone, and logs the deferral", async () => {
      const id = await account(5000n, { customerType: 'consumer' });
      const em = db.orm.em.fork();
      em.create(Contact, {
        account: id,
        name: 'Kai Split',
        phone: '+1 212 555 0100',
        postalAddress: '2255 Kuhio Ave\nHonolulu, HI 96815',
        timeZone: null,
        isPrimary: true,
        consentPhone: true,
      });
      await em.flush();
      // 15:00 UTC on 10 March 2026: 11:00 in New York (daylight saving began on the 8th), 05:00 in Honolulu.
      const input = callTask(id);
      const morning = await activities(new Date('2026-03-10T15:00:00.000Z')).createTask(input);
      expect(morning).toEqual({
        status: 'deferred',
        deferredUntil: '2026-03-10T18:00:00.000Z',
        reason: expect.stringContaining('It is 05:00 in Pacific/Honolulu'),
      });
      const logged = await db.orm.em.fork().find(Communication, { account: id });
      expect(logged).toEqual([expect.objectContaining({ channel: 'call', status: 'deferred', key: `${input.key}/deferred/2026-03-10T18:00:00.000Z` })]);
      expect(await db.orm.em.fork().count(CollectorTask, { key: input.key })).toBe(0);
      // 20:00 UTC: 16:00 in New York, 10:00 in Honolulu.
      expect(await activities(new Date('2026-03-10T20:00:00.000Z')).createTask(input)).toMatchObject({ created: true });
    });

    it('defers a call task that falls outside the contact hours to 08:00 on the debtor clock', async () => {
      const id = await account(5000n, { customerType: 'consumer' });
      const night = new Date('2026-03-10T22:30:00.000Z');
      expect(await activities(night).createTask(callTask(id))).toMatchObject({
        status: 'deferred',
        deferredUntil: '2026-03-11T08:00:00.000Z',
        reason: expect.stringContaining('outside the contact hours'),
      });
    });
  });

  it('writes the open amount off once, as credit notes, however often the end node retries it', async () => {
    const id = await account(7_500n);
    const input = { ...effect(id, 'end'), outcome: 'written-off' as const };
    expect(await activities().closeAccount(input)).toEqual({ writtenOffMinor: '7500' });
    expect(await activities().closeAccount(input)).toEqual({ writtenOffMinor: '7500' });
    const stored = await db.orm.em.fork().findOneOrFail(Account, { id });
    expect(stored.closedOutcome).toBe('written-off');
    // Written off as a credit note: the invoice is no longer open, and only one credit was written.
    expect(await db.orm.em.fork().count(CreditNote, { account: id, reason: 'write-off' })).toBe(1);
    expect((await db.orm.em.fork().findOneOrFail(Invoice, { account: id })).status).toBe('paid');
    expect(await db.orm.em.fork().count(AuditLog, { action: 'account.written-off', entityId: id })).toBe(1);
  });

  it("closes a settled account's open tasks with the reason, once, and leaves its finished ones alone", async () => {
    const id = await account(4_000n);
    const em = db.orm.em.fork();
    const task = (key: string, done: boolean) =>
      em.create(CollectorTask, {
        account: id,
        key,
        workflowId: 'wf',
        nodeId: 'call',
        taskType: 'call',
        title: 'Call',
        outcomes: ['done'],
        dueAt: NOON,
        ...(done ? { status: 'done' as const, outcome: 'done', completedAt: NOON } : {}),
      });
    const open = task(`close-open-${id}`, false);
    const done = task(`close-done-${id}`, true);
    await em.flush();
    const input = { ...effect(id, 'end'), outcome: 'settled' as const };
    expect(await activities().closeAccount(input)).toEqual({ writtenOffMinor: '0' });
    expect(await activities().closeAccount(input)).toEqual({ writtenOffMinor: '0' });
    const closed = await db.orm.em.fork().findOneOrFail(CollectorTask, { id: open.id });
    expect(closed).toMatchObject({ status: 'cancelled', note: 'Closed: the account was settled.', completedAt: NOON });
    expect((await db.orm.em.fork().findOneOrFail(CollectorTask, { id: done.id })).status).toBe('done');
    expect(await db.orm.em.fork().count(AuditLog, { action: 'tasks.closed', entityId: id })).toBe(1);
    // Settled is not a write-off: nothing is credited and the account is not marked closed.
    expect(await db.orm.em.fork().count(CreditNote, { account: id })).toBe(0);
    expect((await db.orm.em.fork().findOneOrFail(Account, { id })).closedOutcome).toBeNull();
  });
});
