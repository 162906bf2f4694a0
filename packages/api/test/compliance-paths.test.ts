import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Account, AuditLog, CallAttempt, CollectorTask, Communication, Contact, type IAccount, type IInvoice } from '@recoup/db';
import { insertTestAccount, insertTestInvoice } from '@recoup/db/testing';
import { wallClockAt, zonedWallTime } from '@recoup/domain';
import { createHarness, type Harness, type LoggedIn } from './support/harness.ts';
import { zoneAtHour } from './support/zone-at-hour.ts';

// Compliance rules on every path a collector takes, over HTTP on real PostgreSQL: a call logged by hand, the check
// before dialling and a task completed with a call. Every refusal lands in the account's communication log with
// its reason and never counts as a placed call.

const DAY = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * DAY).toISOString();

let h: Harness;
let admin: LoggedIn;
let c1: LoggedIn;

beforeAll(async () => {
  h = await createHarness();
  admin = await h.login('admin');
  c1 = await h.login('collector1');
});
afterAll(async () => {
  await h?.close();
});

const post = (who: LoggedIn, path: string, body: object) => who.agent.post(path).set('x-csrf-token', who.csrf).send(body);
const logCall = (accountId: string, body: object, who: LoggedIn = admin) => post(who, `/api/accounts/${accountId}/calls`, body);

async function debtor(fields: { timeZone?: string; customerType?: 'consumer' | 'business'; collector?: string } = {}): Promise<{ account: IAccount; invoice: IInvoice }> {
  const em = h.db.orm.em.fork();
  const account = await insertTestAccount(em, { prefix: 'CP', timeZone: fields.timeZone ?? zoneAtHour(14), customerType: fields.customerType ?? 'consumer' });
  if (fields.collector) {
    await em.nativeUpdate(Account, { id: account.id }, { assignedCollector: fields.collector });
  }
  const invoice = await insertTestInvoice(em, account, 100_00n, { dueDate: '2026-01-31' });
  return { account, invoice };
}

const refusalsOf = (accountId: string) =>
  h.db.orm.em.fork().find(Communication, { account: accountId, status: 'refused' }, { orderBy: { createdAt: 'asc' } });

describe('refused calls are recorded, with their reason, and are not placed calls', () => {
  it('records a call refused by the 7-in-7 rule, with its reason', async () => {
    const { account } = await debtor();
    for (const days of [6, 5, 4, 3, 2, 1, 0.1]) {
      expect((await logCall(account.id, { outcome: 'no-answer', placedAt: ago(days) })).status).toBe(201);
    }
    const refused = await logCall(account.id, { outcome: 'no-answer' });
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({ code: 'call-limit', details: { rules: ['max-attempts-in-window'] } });

    const [row, ...more] = await refusalsOf(account.id);
    expect(more).toHaveLength(0);
    expect(row).toMatchObject({ channel: 'call', status: 'refused', templateKey: 'manual call' });
    expect(row?.reason).toContain('max-attempts-in-window');
    expect(row?.reason).toContain('7 calls were placed in the last 7 days, the most allowed is 7');
    // The account page shows it among the communications; the call log and the limits do not count it.
    const page = await admin.agent.get(`/api/accounts/${account.id}`);
    expect(page.body.communications).toContainEqual(expect.objectContaining({ id: row?.id, channel: 'call', status: 'refused', reason: row?.reason }));
    expect((await admin.agent.get(`/api/accounts/${account.id}/calls`)).body).toHaveLength(7);
    expect(await h.db.orm.em.fork().count(CallAttempt, { account: account.id })).toBe(7);
    expect(await h.db.orm.em.fork().count(AuditLog, { action: 'call.refused', entityId: account.id })).toBe(1);
  });

  it('refuses a call backdated into a full 7-day window', async () => {
    const { account } = await debtor();
    for (const days of [5, 4, 3, 2, 1, 0.1, 0.05]) {
      expect((await logCall(account.id, { outcome: 'no-answer', placedAt: ago(days) })).status).toBe(201);
    }
    // Six days ago nothing came before it, but the seven calls after it all fall in its week.
    const backdated = await logCall(account.id, { outcome: 'no-answer', placedAt: ago(6) });
    expect(backdated.status).toBe(422);
    expect(backdated.body.error.details.rules).toEqual(['max-attempts-in-window']);
    expect(backdated.body.error.message).toContain('around this call');
    expect(await h.db.orm.em.fork().count(CallAttempt, { account: account.id })).toBe(7);
    expect(await refusalsOf(account.id)).toHaveLength(1);
  });

  it('refuses a placedAt ahead of the clock or more than 7 days ago with 400 naming body.placedAt', async () => {
    const { account } = await debtor();
    for (const placedAt of [new Date(Date.now() + 10 * 60_000).toISOString(), ago(8)]) {
      const response = await logCall(account.id, { outcome: 'no-answer', placedAt });
      expect(response.status).toBe(400);
      expect(response.body.error.details.fields).toEqual([expect.objectContaining({ in: 'body', path: 'placedAt' })]);
    }
    // A few minutes of clock skew are not the future.
    expect((await logCall(account.id, { outcome: 'no-answer', placedAt: new Date(Date.now() + 60_000).toISOString() })).status).toBe(201);
  });
});

describe('contact hours on calls', () => {
  it('refuses a manual call logged at 01:28 debtor time', async () => {
    const { account } = await debtor({ timeZone: 'America/New_York' });
    const yesterday = wallClockAt(new Date(Date.now() - DAY), 'America/New_York').date;
    const placedAt = zonedWallTime(yesterday, 1, 28, 'America/New_York').toISOString();
    const response = await logCall(account.id, { outcome: 'conversation', placedAt });
    expect(response.status).toBe(422);
    expect(response.body.error).toMatchObject({ code: 'outside-contact-hours', details: { rules: ['contact-hours'], zones: ['America/New_York'] } });
    expect(response.body.error.message).toContain('It is 01:28 in America/New_York, outside the contact hours 08:00–21:00.');
    expect(await h.db.orm.em.fork().count(CallAttempt, { account: account.id })).toBe(0);
    const [row] = await refusalsOf(account.id);
    expect(row?.subject).toBe(`Call at ${placedAt} refused`);
    expect(row?.reason).toContain('It is 01:28 in America/New_York');
  });

  it('refuses before dialling, and on completing a task, a call outside contact hours, and records each refusal', async () => {
    const night = zoneAtHour(3);
    const { account } = await debtor({ timeZone: night, collector: c1.userId });
    const em = h.db.orm.em.fork();
    const task = em.create(CollectorTask, {
      account: account.id,
      key: `cp-night-${account.id}`,
      workflowId: `collection-${account.id}`,
      nodeId: 'task-call',
      taskType: 'call',
      title: 'Call the customer about the overdue balance',
      status: 'open',
      assignee: c1.userId,
      outcomes: ['no-contact'],
      dueAt: new Date(),
      priority: 'normal',
    });
    await em.flush();

    const check = await c1.agent.get(`/api/tasks/${task.id}/call-check`);
    expect(check.body).toMatchObject({ allowed: false, rules: ['contact-hours'], nextAllowedAt: expect.any(String) });
    expect(wallClockAt(new Date(check.body.nextAllowedAt), night).minutes).toBe(8 * 60);
    // Asking again before dialling is the same refusal, recorded once.
    expect((await c1.agent.get(`/api/tasks/${task.id}/call-check`)).body.allowed).toBe(false);
    expect(await refusalsOf(account.id)).toHaveLength(1);
    expect(await h.db.orm.em.fork().count(AuditLog, { action: 'call.refused', entityId: account.id })).toBe(1);

    const completed = await post(c1, `/api/tasks/${task.id}/complete`, { outcome: 'no-contact', call: { result: 'no-answer' } });
    expect(completed.status).toBe(422);
    expect(completed.body.error.details.rules).toEqual(['contact-hours']);
    const rows = await refusalsOf(account.id);
    expect(rows).toHaveLength(2);
    expect(rows.map((r) => r.templateKey)).toEqual([task.title, task.title]);
    expect((await h.db.orm.em.fork().findOneOrFail(CollectorTask, { id: task.id })).status).toBe('open');
    expect(await h.db.orm.em.fork().count(CallAttempt, { account: account.id })).toBe(0);

    const backdated = await post(c1, `/api/tasks/${task.id}/complete`, { outcome: 'no-contact', call: { result: 'no-answer', placedAt: ago(9) } });
    expect(backdated.status).toBe(400);
    expect(backdated.body.error.details.fields[0]).toMatchObject({ in: 'body', path: 'call.placedAt' });
  });

  it("allows a call only when it is inside contact hours in both the phone's and the address's zone", async () => {
    const externalRef = `CP-SPLIT-${Date.now()}`;
    const imported = await post(admin, '/api/imports/portfolio', {
      accounts: [
        {
          externalRef,
          name: 'Kai Split',
          customerType: 'consumer',
          currency: 'USD',
          timeZone: 'America/Chicago',
          contacts: [
            {
              name: 'Kai Split',
              phone: '+1 212 555 0100',
              postalAddress: '2255 Kuhio Ave\nHonolulu, HI 96815\nUSA',
              isPrimary: true,
              consent: { email: false, sms: false, phone: true, letter: true },
            },
          ],
          invoices: [{ number: `${externalRef}-1`, issueDate: '2026-01-01', dueDate: '2026-01-31', amount: { amountMinor: '25000', currency: 'USD' } }],
        },
      ],
    });
    expect(imported.status).toBe(201);
    const em = h.db.orm.em.fork();
    const account = await em.findOneOrFail(Account, { externalRef });
    // No zone was given for the contact, and none is made up from the account's.
    expect((await em.findOneOrFail(Contact, { account: account.id })).timeZone).toBeNull();

    const page = await admin.agent.get(`/api/accounts/${account.id}`);
    const explanation = 'Phone suggests America/New_York; address suggests Pacific/Honolulu; contact is allowed only when both are between 08:00 and 21:00.';
    expect(page.body.contacts[0]).toMatchObject({ timeZone: null, zones: { basis: 'derived', zones: ['America/New_York', 'Pacific/Honolulu'], explanation } });
    expect(page.body.debtorLocalTime).toMatchObject({ explanation, zones: [{ timeZone: 'America/New_York' }, { timeZone: 'Pacific/Honolulu' }] });

    // Two days ago at 15:00 UTC it was 10:00 or 11:00 in New York and 05:00 in Honolulu; at 20:00 UTC, 10:00 there.
    const day = new Date(Date.now() - 2 * DAY).toISOString().slice(0, 10);
    const morning = await logCall(account.id, { outcome: 'no-answer', placedAt: `${day}T15:00:00.000Z` });
    expect(morning.status).toBe(422);
    expect(morning.body.error.details.zones).toEqual(['America/New_York', 'Pacific/Honolulu']);
    expect(morning.body.error.message).toContain('It is 05:00 in Pacific/Honolulu');
    expect(morning.body.error.message).not.toContain('America/Chicago');
    expect(morning.body.error.details.nextAllowedAt).toBe(`${day}T18:00:00.000Z`);
    expect((await logCall(account.id, { outcome: 'no-answer', placedAt: `${day}T20:00:00.000Z` })).status).toBe(201);
  });
});

describe('call limits per debt', () => {
  it('counts calls per invoice, and per account when the setting says so', async () => {
    const { account, invoice: first } = await debtor({ customerType: 'business' });
    for (const days of [6, 5, 4, 3, 2, 1, 0.1]) {
      expect((await logCall(account.id, { outcome: 'no-answer', placedAt: ago(days), invoiceIds: [first.id] })).status).toBe(201);
    }
    const second = await insertTestInvoice(h.db.orm.em.fork(), account, 50_00n, { dueDate: '2026-02-28' });

    // A new debt has a week of its own; a call about both is refused on the first, and says so.
    const aboutSecond = await logCall(account.id, { outcome: 'no-answer', invoiceIds: [second.id] });
    expect(aboutSecond.status).toBe(201);
    expect(aboutSecond.body.invoiceIds).toEqual([second.id]);
    const aboutBoth = await logCall(account.id, { outcome: 'no-answer' });
    expect(aboutBoth.status).toBe(422);
    expect(aboutBoth.body.error.message).toContain(`for invoice ${first.number}, 7 calls were placed in the last 7 days`);
    expect(aboutBoth.body.error.message).not.toContain(`for invoice ${second.number}`);

    const setting = { contactStartMinutes: 480, contactEndMinutes: 1260, maxCallAttempts: 7, callWindowDays: 7, quietDaysAfterConversation: 7 };
    const stricter = await admin.agent.put('/api/compliance-settings/business').set('x-csrf-token', admin.csrf).send({ ...setting, callLimitScope: 'account' });
    expect(stricter.body).toMatchObject({ callLimitScope: 'account' });
    try {
      const perAccount = await logCall(account.id, { outcome: 'no-answer', invoiceIds: [second.id] });
      expect(perAccount.status).toBe(422);
      expect(perAccount.body.error.message).toContain('at most 7 calls in 7 days per account');
      expect(perAccount.body.error.message).toContain('8 calls were placed in the last 7 days');
    } finally {
      await admin.agent.put('/api/compliance-settings/business').set('x-csrf-token', admin.csrf).send({ ...setting, callLimitScope: 'debt' });
    }

    const { invoice: foreign } = await debtor();
    const wrong = await logCall(account.id, { outcome: 'no-answer', invoiceIds: [foreign.id] });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.details.fields[0]).toMatchObject({ in: 'body', path: 'invoiceIds' });
  });
});
