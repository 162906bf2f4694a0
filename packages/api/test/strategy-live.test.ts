import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { Account, Strategy, StrategyVersion } from '@recoup/db';
import { DEFAULT_STRATEGY } from '@recoup/domain';
import { createHarness, type Harness, type LoggedIn } from './support/harness.ts';

describe('the live overlay of a strategy version', () => {
  let h: Harness;
  let manager: LoggedIn;
  let version: string;
  const accounts: Record<string, string> = {};

  beforeAll(async () => {
    h = await createHarness();
    manager = await h.login('manager');
    const em = h.db.orm.em.fork();
    const strategy = await em.findOneOrFail(Strategy, { isDefault: true });
    version = (await em.findOneOrFail(StrategyVersion, { strategy: strategy.id }, { orderBy: { version: 'desc' } })).id;
    const imported = await manager.agent
      .post('/api/imports/portfolio')
      .set('x-csrf-token', manager.csrf)
      .send({
        accounts: ['waiting', 'calling', 'also-waiting', 'silent', 'ended'].map((name) => ({
          externalRef: `LIVE-${name}`,
          name: `Live ${name}`,
          customerType: 'business',
          currency: 'EUR',
          timeZone: 'Europe/Berlin',
          invoices: [{ number: `LIVE-INV-${name}`, issueDate: '2026-01-01', dueDate: '2026-02-01', amount: { amountMinor: '5000', currency: 'EUR' } }],
        })),
      });
    expect(imported.status).toBe(201);
    for (const account of await h.db.orm.em.fork().find(Account, { externalRef: { $like: 'LIVE-%' } })) {
      accounts[account.externalRef.slice('LIVE-'.length)] = account.id;
    }
  });
  afterAll(async () => {
    await h?.close();
  });

  const live = (id: string, who: LoggedIn = manager) => who.agent.get(`/api/strategy-versions/${id}/live`);

  it('counts the running accounts of the version by the node their workflow says it is at, for any signed-in role', async () => {
    h.collections.liveNodes.set(accounts.waiting ?? '', { strategyVersionId: version, nodeId: 'wait-due' });
    h.collections.liveNodes.set(accounts['also-waiting'] ?? '', { strategyVersionId: version, nodeId: 'wait-due' });
    h.collections.liveNodes.set(accounts.calling ?? '', { strategyVersionId: version, nodeId: 'task-call' });
    h.collections.liveNodes.set(accounts.silent ?? '', new Error('deadline exceeded'));
    const collector = await h.login('collector1');
    const response = await live(version, collector);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      strategyVersionId: version,
      counts: Object.fromEntries(
        DEFAULT_STRATEGY.graph.nodes.map((node) => [node.id, node.id === 'wait-due' ? 2 : node.id === 'task-call' ? 1 : 0]),
      ),
      running: 3,
      queried: 5,
      failed: 1,
      truncated: false,
      at: expect.any(String),
    });
    expect(Date.parse(response.body.at)).not.toBeNaN();
    expect(h.collections.currentNodesAsked.at(-1)?.sort()).toEqual(Object.values(accounts).sort());
  });

  it('leaves out a workflow that already runs another version', async () => {
    h.collections.liveNodes.set(accounts.calling ?? '', { strategyVersionId: randomUUID(), nodeId: 'task-call' });
    const response = await live(version);
    expect(response.body).toMatchObject({ running: 2, queried: 5, failed: 1 });
    expect(response.body.counts['task-call']).toBe(0);
  });

  it('asks only the accounts whose latest run is on the version', async () => {
    const created = await manager.agent.post('/api/strategies').set('x-csrf-token', manager.csrf).send({ name: 'Later', draft: DEFAULT_STRATEGY.graph });
    const later = (await manager.agent.post(`/api/strategies/${created.body.id}/publish`).set('x-csrf-token', manager.csrf)).body.id as string;
    await h.db.orm.em.fork().execute(
      `insert into collection_run (id, account_id, workflow_id, strategy_version_id, arm_label, assigned, segment, started_at)
       values (gen_random_uuid(), ?, ?, ?, null, false, 'standard', now() + interval '1 minute')`,
      [accounts.ended, `collection-${accounts.ended}`, later],
    );
    expect((await live(version)).body.queried).toBe(4);
    expect(h.collections.currentNodesAsked.at(-1)).not.toContain(accounts.ended);
    const onLater = await live(later);
    expect(onLater.body).toMatchObject({ queried: 1, running: 0, failed: 0, truncated: false });
    expect(Object.values(onLater.body.counts as Record<string, number>).every((n) => n === 0)).toBe(true);
  });

  it(`asks at most 5,000 workflows and says the counts are truncated`, async () => {
    const created = await manager.agent.post('/api/strategies').set('x-csrf-token', manager.csrf).send({ name: 'Crowded', draft: DEFAULT_STRATEGY.graph });
    const crowded = (await manager.agent.post(`/api/strategies/${created.body.id}/publish`).set('x-csrf-token', manager.csrf)).body.id as string;
    const em = h.db.orm.em.fork();
    await em.execute(
      `insert into account (external_ref, name, customer_type, currency, time_zone)
       select 'CROWD-' || n, 'Crowd ' || n, 'consumer', 'EUR', 'Europe/Berlin' from generate_series(1, 5001) n`,
    );
    await em.execute(
      `insert into collection_run (id, account_id, workflow_id, strategy_version_id, arm_label, assigned, segment, started_at)
       select gen_random_uuid(), a.id, 'collection-' || a.id, ?, null, true, 'standard', now()
         from account a where a.external_ref like 'CROWD-%'`,
      [crowded],
    );
    const response = await live(crowded);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ queried: 5_000, truncated: true });
    expect(h.collections.currentNodesAsked.at(-1)).toHaveLength(5_000);
  });

  it('answers 404 for a version that does not exist and 400 for an id that is not one', async () => {
    expect((await live(randomUUID())).status).toBe(404);
    const malformed = await live('latest');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.details.fields[0].path).toBe('id');
  });
});
