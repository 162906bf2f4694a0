import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { Account, AuditLog, CollectionRun, Strategy, StrategyAssignment, StrategyVersion } from '@recoup/db';
import { DEFAULT_STRATEGY, pickArm, type ArmSplit } from '@recoup/domain';
import { silentLogger } from '../src/http/logger.ts';
import { startOpenAccountWorkflows } from '../src/launcher/start-open-workflows.ts';
import { createHarness, type Harness, type LoggedIn } from './support/harness.ts';
import { RecordingCollections } from './support/recording-collections.ts';

let h: Harness;
let manager: LoggedIn;
let champion: string;
let challenger: string;
let defaultVersion: string;

const publishCopy = async (name: string): Promise<string> => {
  const created = await manager.agent
    .post('/api/strategies')
    .set('x-csrf-token', manager.csrf)
    .send({ name, draft: DEFAULT_STRATEGY.graph });
  expect(created.status).toBe(201);
  const published = await manager.agent.post(`/api/strategies/${created.body.id}/publish`).set('x-csrf-token', manager.csrf);
  expect(published.status).toBe(201);
  return published.body.id as string;
};

beforeAll(async () => {
  h = await createHarness();
  manager = await h.login('manager');
  champion = await publishCopy('Champion');
  challenger = await publishCopy('Challenger');
  const em = h.db.orm.em.fork();
  const strategy = await em.findOneOrFail(Strategy, { isDefault: true });
  defaultVersion = (await em.findOneOrFail(StrategyVersion, { strategy: strategy.id }, { orderBy: { version: 'desc' } })).id;
});
afterAll(async () => {
  await h.close();
});
beforeEach(() => {
  h.collections.calls.length = 0;
});

const put = (segment: string, body: object, who: LoggedIn = manager) =>
  who.agent.put(`/api/strategy-assignments/${encodeURIComponent(segment)}`).set('x-csrf-token', who.csrf).send(body);

const portfolio = (prefix: string, count: number, segment: string | undefined) => ({
  accounts: Array.from({ length: count }, (_, i) => ({
    externalRef: `${prefix}-${i}`,
    name: `Customer ${prefix} ${i}`,
    customerType: 'business',
    ...(segment === undefined ? {} : { segment }),
    currency: 'EUR',
    timeZone: 'Europe/Berlin',
    invoices: [
      { number: `${prefix}-INV-${i}`, issueDate: '2025-01-01', dueDate: '2025-01-31', amount: { amountMinor: '5000', currency: 'EUR' } },
    ],
  })),
});

const importPortfolio = (body: object) =>
  manager.agent.post('/api/imports/portfolio').set('x-csrf-token', manager.csrf).send(body);

describe('strategy assignments', () => {
  it('saves a split for a segment, lists it with the strategy names and audits it', async () => {
    const response = await put('gold', {
      splits: [
        { strategyVersionId: champion, percent: 70, label: 'champion' },
        { strategyVersionId: challenger, percent: 30, label: 'challenger' },
      ],
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      segment: 'gold',
      splits: [
        { strategyVersionId: champion, percent: 70, label: 'champion', strategyName: 'Champion', version: 1 },
        { strategyVersionId: challenger, percent: 30, label: 'challenger', strategyName: 'Challenger', version: 1 },
      ],
    });
    const list = await manager.agent.get('/api/strategy-assignments');
    expect(list.status).toBe(200);
    expect(list.body.assignments.map((a: { segment: string }) => a.segment)).toContain('gold');
    expect(list.body.fallback).toMatchObject({ strategyVersionId: defaultVersion, strategyName: DEFAULT_STRATEGY.name });
    const audits = await h.db.orm.em.fork().find(AuditLog, { action: 'strategy-assignment.saved', entityId: response.body.id });
    expect(audits).toHaveLength(1);
    expect(audits[0]?.details).toMatchObject({ segment: 'gold', previous: null });
  });

  it('replaces the split of a segment that already has one, keeping one row per segment', async () => {
    await put('silver', { splits: [{ strategyVersionId: champion, percent: 100 }] });
    const again = await put('silver', {
      splits: [
        { strategyVersionId: champion, percent: 50 },
        { strategyVersionId: challenger, percent: 50 },
      ],
    });
    expect(again.status).toBe(200);
    expect(again.body.splits.map((s: { percent: number }) => s.percent)).toEqual([50, 50]);
    expect(await h.db.orm.em.fork().count(StrategyAssignment, { segment: 'silver' })).toBe(1);
  });

  it('refuses percents that do not add up to 100, naming the field and the arm', async () => {
    const response = await put('bronze', {
      splits: [
        { strategyVersionId: champion, percent: 60, label: 'champion' },
        { strategyVersionId: challenger, percent: 0.5, label: 'challenger' },
      ],
    });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('validation-failed');
    expect(response.body.error.details.fields).toEqual([
      { in: 'body', path: 'splits.1.percent', reason: 'Arm 2 ("challenger"): the percent must be a whole number, not 0.5.' },
    ]);
    const sum = await put('bronze', {
      splits: [
        { strategyVersionId: champion, percent: 60 },
        { strategyVersionId: challenger, percent: 30 },
      ],
    });
    expect(sum.status).toBe(400);
    expect(sum.body.error.details.fields).toEqual([
      { in: 'body', path: 'splits', reason: 'The percents add up to 90; they must add up to exactly 100.' },
    ]);
    expect(await h.db.orm.em.fork().count(StrategyAssignment, { segment: 'bronze' })).toBe(0);
  });

  it('refuses a version that was never published, naming the arm', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    const response = await put('bronze', {
      splits: [
        { strategyVersionId: champion, percent: 50 },
        { strategyVersionId: unknown, percent: 50 },
      ],
    });
    expect(response.status).toBe(422);
    expect(response.body.error.code).toBe('strategy-version-unknown');
    expect(response.body.error.details.fields).toEqual([
      { in: 'body', path: 'splits.1.strategyVersionId', reason: `Arm 2: no published strategy version ${unknown}.` },
    ]);
  });

  it('refuses collectors (403) and requests without the CSRF token', async () => {
    const collector = await h.login('collector1');
    const body = { splits: [{ strategyVersionId: champion, percent: 100 }] };
    const refused = await put('gold', body, collector);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('forbidden-role');
    const removal = await collector.agent.delete('/api/strategy-assignments/gold').set('x-csrf-token', collector.csrf);
    expect(removal.status).toBe(403);
    const noToken = await manager.agent.put('/api/strategy-assignments/gold').send(body);
    expect(noToken.status).toBe(403);
    expect(noToken.body.error.code).toBe('csrf-token-missing');
  });

  it('deletes an assignment, audited, and says 404 for a segment without one', async () => {
    await put('temporary', { splits: [{ strategyVersionId: challenger, percent: 100 }] });
    const removed = await manager.agent.delete('/api/strategy-assignments/temporary').set('x-csrf-token', manager.csrf);
    expect(removed.status).toBe(204);
    expect(await h.db.orm.em.fork().count(StrategyAssignment, { segment: 'temporary' })).toBe(0);
    expect(await h.db.orm.em.fork().count(AuditLog, { action: 'strategy-assignment.deleted' })).toBe(1);
    const again = await manager.agent.delete('/api/strategy-assignments/temporary').set('x-csrf-token', manager.csrf);
    expect(again.status).toBe(404);
  });
});

describe('collection runs started by an import', () => {
  it("start each account of an assigned segment on its arm's version and record the run with the arm", async () => {
    const arms: ArmSplit[] = [
      { strategyVersionId: champion, percent: 50, label: 'champion' },
      { strategyVersionId: challenger, percent: 50, label: 'challenger' },
    ];
    expect((await put('trial', { splits: arms })).status).toBe(200);
    const response = await importPortfolio(portfolio('TRIAL', 60, 'trial'));
    expect(response.status).toBe(201);
    expect(response.body.workflowsStarted).toBe(60);

    const em = h.db.orm.em.fork();
    const accounts = await em.find(Account, { segment: 'trial' });
    expect(accounts).toHaveLength(60);
    const starts = new Map(h.collections.of('start').map((c) => [c.accountId, c.strategyVersionId]));
    const runs = new Map((await em.find(CollectionRun, { segment: 'trial' })).map((r) => [r.account.id, r]));
    expect(runs.size).toBe(60);
    for (const account of accounts) {
      const { arm } = pickArm(account.id, arms);
      expect(starts.get(account.id)).toBe(arm.strategyVersionId);
      const run = runs.get(account.id);
      expect(run).toMatchObject({
        workflowId: `collection-${account.id}`,
        armLabel: arm.label,
        assigned: true,
        segment: 'trial',
      });
      expect(run?.strategyVersion.id).toBe(arm.strategyVersionId);
    }
    // Both arms are used: 60 accounts at 50/50 leave either arm empty with probability 2^-59.
    expect(new Set(starts.values())).toEqual(new Set([champion, challenger]));
  });

  it('starts accounts of segments without an assignment on the default strategy and records them unassigned', async () => {
    const response = await importPortfolio(portfolio('PLAIN', 5, undefined));
    expect(response.status).toBe(201);
    expect(response.body.workflowsStarted).toBe(5);
    expect(new Set(h.collections.of('start').map((c) => c.strategyVersionId))).toEqual(new Set([defaultVersion]));
    const runs = await h.db.orm.em.fork().find(CollectionRun, { segment: 'standard' });
    expect(runs).toHaveLength(5);
    for (const run of runs) {
      expect(run).toMatchObject({ armLabel: null, assigned: false });
      expect(run.strategyVersion.id).toBe(defaultVersion);
    }
  });

  it('records nothing more when the same accounts are imported again while their workflows run', async () => {
    const em = h.db.orm.em.fork();
    const before = await em.count(CollectionRun, {});
    const more = portfolio('TRIAL', 60, 'trial');
    for (const account of more.accounts) {
      const invoice = account.invoices[0];
      if (invoice) invoice.number = `${invoice.number}-second`;
    }
    const response = await importPortfolio(more);
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ accountsUpdated: 60, workflowsStarted: 0 });
    expect(h.collections.of('start')).toHaveLength(60);
    expect(await em.count(CollectionRun, {})).toBe(before);
  });

  it('starts every open account from the launcher on the arm its segment assigns', async () => {
    const em = h.db.orm.em.fork();
    const before = await em.count(CollectionRun, {});
    const arms = (await em.findOneOrFail(StrategyAssignment, { segment: 'trial' })).splits;
    // A fresh client knows no running workflows, as after seeding a new portfolio.
    const collections = new RecordingCollections();
    const report = await startOpenAccountWorkflows(h.db.orm, collections, silentLogger);
    expect(report).toMatchObject({ total: 65, started: 65, errors: [] });
    const trial = await em.find(Account, { segment: 'trial' });
    const starts = new Map(collections.of('start').map((c) => [c.accountId, c.strategyVersionId]));
    for (const account of trial) expect(starts.get(account.id)).toBe(pickArm(account.id, arms).arm.strategyVersionId);
    expect(await em.count(CollectionRun, {})).toBe(before + 65);
  });
});
