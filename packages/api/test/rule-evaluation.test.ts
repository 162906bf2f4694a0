import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { Account } from '@recoup/db';
import { createHarness, type Harness, type LoggedIn } from './support/harness.ts';

const DAY = 86_400_000;
const daysAgo = (days: number): string => new Date(Date.now() - days * DAY).toISOString().slice(0, 10);

describe('testing a rule against an account', () => {
  let h: Harness;
  let manager: LoggedIn;
  let accountId: string;

  beforeAll(async () => {
    h = await createHarness();
    manager = await h.login('manager');
    const imported = await manager.agent
      .post('/api/imports/portfolio')
      .set('x-csrf-token', manager.csrf)
      .send({
        accounts: [
          {
            externalRef: 'RULE-1',
            name: 'Rulebook Traders Ltd',
            customerType: 'business',
            currency: 'EUR',
            timeZone: 'Europe/Berlin',
            invoices: [
              { number: 'RB-1', issueDate: daysAgo(75), dueDate: daysAgo(45), amount: { amountMinor: '10000', currency: 'EUR' } },
              { number: 'RB-2', issueDate: daysAgo(5), dueDate: daysAgo(-25), amount: { amountMinor: '2500', currency: 'EUR' } },
            ],
          },
          { externalRef: 'RULE-2', name: 'Other Party GmbH', customerType: 'business', currency: 'EUR', timeZone: 'Europe/Berlin' },
        ],
      });
    expect(imported.status).toBe(201);
    const em = h.db.orm.em.fork();
    accountId = (await em.findOneOrFail(Account, { externalRef: 'RULE-1' })).id;
    await em.nativeUpdate(Account, { id: accountId }, { tags: ['vip'] });
  });
  afterAll(async () => {
    await h?.close();
  });

  const evaluate = (body: object, who: LoggedIn = manager) =>
    who.agent.post('/api/rules/evaluate').set('x-csrf-token', who.csrf).send(body);

  it("evaluates a rule against the account's real facts and lists the comparisons that held", async () => {
    const response = await evaluate({
      accountId,
      condition: {
        all: [
          { fact: 'daysPastDue', operator: 'greaterThan', value: 30 },
          { fact: 'overdueAmountMinor', operator: 'greaterThanInclusive', value: 10000 },
          { any: [{ fact: 'tags', operator: 'contains', value: 'vip' }, { fact: 'segment', operator: 'equal', value: 'legal' }] },
        ],
      },
    });
    expect(response.status).toBe(200);
    expect(response.body.result).toBe(true);
    expect(response.body.matched).toEqual([
      'daysPastDue greaterThan 30 (was 45)',
      'overdueAmountMinor greaterThanInclusive 10000 (was 10000)',
      'tags contains "vip" (was ["vip"])',
    ]);
    expect(response.body.facts).toMatchObject({
      daysPastDue: 45,
      overdueAmountMinor: 10000,
      totalOpenMinor: 12500,
      openInvoiceCount: 2,
      currentBucket: '31-60',
      customerType: 'business',
      segment: 'standard',
      tags: ['vip'],
      promiseStatus: 'none',
      disputeOpen: false,
    });
    expect(response.body.account).toEqual({ id: accountId, name: 'Rulebook Traders Ltd', externalRef: 'RULE-1' });
  });

  it('says when a rule does not hold, listing only the comparisons that did', async () => {
    const response = await evaluate({
      accountId,
      condition: { all: [{ fact: 'customerType', operator: 'equal', value: 'business' }, { fact: 'daysPastDue', operator: 'greaterThan', value: 60 }] },
    });
    expect(response.status).toBe(200);
    expect(response.body.result).toBe(false);
    expect(response.body.matched).toEqual(['customerType equal "business" (was "business")']);
  });

  it.each([
    ['an unknown fact', { fact: 'shoeSize', operator: 'equal', value: 44 }, 'unknown-fact', 'condition.fact'],
    ['an unknown operator', { any: [{ fact: 'segment', operator: 'startsWith', value: 'vip' }] }, 'unknown-operator', 'condition.any.0.operator'],
    [
      'an operator that does not fit the fact',
      { all: [{ not: { fact: 'daysPastDue', operator: 'contains', value: 3 } }] },
      'operator-mismatch',
      'condition.all.0.not.operator',
    ],
    ['"in" given a single value instead of a list', { fact: 'segment', operator: 'in', value: 5 }, 'value-mismatch', 'condition.value'],
  ])('refuses a rule with %s with 422, naming where in the rule the problem is', async (_what, condition, code, path) => {
    const response = await evaluate({ accountId, condition });
    expect(response.status).toBe(422);
    expect(response.body.error.code).toBe('rule-invalid');
    expect(response.body.error.details.problems).toEqual([{ code, path, message: expect.any(String) }]);
    expect(response.body.error.details.fields).toEqual([{ in: 'body', path, reason: expect.any(String) }]);
  });

  it('refuses with 422 a rule the rules engine cannot evaluate, instead of failing', async () => {
    // The value names a fact the engine is never given, which only evaluating the rule can find out.
    const response = await evaluate({ accountId, condition: { fact: 'segment', operator: 'in', value: { fact: 'shoeSizes' } } });
    expect(response.status).toBe(422);
    expect(response.body.error.code).toBe('rule-not-evaluable');
    expect(response.body.error.details.fields[0].path).toBe('condition');
  });

  it.each([
    ['accountId', { condition: { fact: 'daysPastDue', operator: 'greaterThan', value: 1 } }],
    ['accountId', { accountId: 'not-a-uuid', condition: { fact: 'daysPastDue', operator: 'greaterThan', value: 1 } }],
    ['condition', { accountId: randomUUID(), condition: { fact: 'daysPastDue', value: 1 } }],
  ])('refuses a malformed request with 400 naming %s', async (field, body) => {
    const response = await evaluate(body);
    expect(response.status).toBe(400);
    expect(response.body.error.details.fields.map((f: { path: string }) => f.path)).toContain(field);
  });

  it('answers 404 for an account that does not exist', async () => {
    const response = await evaluate({ accountId: randomUUID(), condition: { fact: 'daysPastDue', operator: 'greaterThan', value: 1 } });
    expect(response.status).toBe(404);
  });

  it('refuses collectors', async () => {
    const collector = await h.login('collector1');
    const response = await evaluate({ accountId, condition: { fact: 'daysPastDue', operator: 'greaterThan', value: 1 } }, collector);
    expect(response.status).toBe(403);
  });

  it('finds accounts for the rule tester by name or by reference', async () => {
    const byName = await manager.agent.get('/api/accounts').query({ q: 'rulebook' });
    expect(byName.body.items.map((a: { id: string; name: string }) => ({ id: a.id, name: a.name }))).toEqual([
      { id: accountId, name: 'Rulebook Traders Ltd' },
    ]);
    const byRef = await manager.agent.get('/api/accounts').query({ q: 'RULE-' });
    expect(byRef.body.items.map((a: { externalRef: string }) => a.externalRef)).toEqual(['RULE-2', 'RULE-1']);
  });
});
