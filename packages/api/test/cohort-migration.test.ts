import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AuditLog, CollectionRun, Strategy, StrategyVersion } from '@recoup/db';
import { DEFAULT_STRATEGY } from '@recoup/domain';
import { MigrationRefusedError } from '@recoup/workflows';
import { createHarness, type Harness, type LoggedIn } from './support/harness.ts';

describe('migrating a cohort of running accounts to another strategy version', () => {
  let h: Harness;
  let manager: LoggedIn;
  let from: string;
  let target: string;

  beforeAll(async () => {
    h = await createHarness();
    manager = await h.login('manager');
    const em = h.db.orm.em.fork();
    const strategy = await em.findOneOrFail(Strategy, { isDefault: true });
    from = (await em.findOneOrFail(StrategyVersion, { strategy: strategy.id }, { orderBy: { version: 'desc' } })).id;
    const created = await manager.agent.post('/api/strategies').set('x-csrf-token', manager.csrf).send({ name: 'Next', draft: DEFAULT_STRATEGY.graph });
    target = (await manager.agent.post(`/api/strategies/${created.body.id}/publish`).set('x-csrf-token', manager.csrf)).body.id as string;
    const imported = await manager.agent
      .post('/api/imports/portfolio')
      .set('x-csrf-token', manager.csrf)
      .send({
        accounts: [1, 2, 3].map((i) => ({
          externalRef: `MIG-${i}`,
          name: `Migrant ${i}`,
          customerType: 'business',
          currency: 'EUR',
          timeZone: 'Europe/Berlin',
          invoices: [{ number: `MIG-INV-${i}`, issueDate: '2026-01-01', dueDate: '2026-02-01', amount: { amountMinor: '5000', currency: 'EUR' } }],
        })),
      });
    expect(imported.status).toBe(201);
  });
  afterAll(async () => {
    await h?.close();
  });

  const migrate = (body: object, who: LoggedIn = manager) =>
    who.agent.post(`/api/strategy-versions/${target}/migrate`).set('x-csrf-token', who.csrf).send(body);

  it('reports each refusal with the workflow’s reason and moves nobody', async () => {
    h.collections.updateError = new MigrationRefusedError('The account sits at "wait-due", which has no counterpart in the new version.');
    try {
      const response = await migrate({ fromVersionId: from });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ cohort: 3, migrated: [], notRunning: [] });
      expect(response.body.refused).toHaveLength(3);
      expect(response.body.refused[0].reason).toContain('no counterpart');
      expect(await h.db.orm.em.fork().count(CollectionRun, { strategyVersion: target })).toBe(0);
    } finally {
      h.collections.updateError = null;
    }
  });

  it('sends every account of the cohort the new graph and mapping, and records their new runs', async () => {
    const response = await migrate({ fromVersionId: from, nodeMapping: { 'wait-due': 'wait-due' } });
    expect(response.status).toBe(200);
    expect(response.body.migrated).toHaveLength(3);
    const calls = h.collections.calls.filter((c) => c.kind === 'migrateStrategy');
    expect(calls).toHaveLength(3);
    for (const call of calls) {
      if (call.kind !== 'migrateStrategy') continue;
      expect(call.message).toMatchObject({ strategyVersionId: target, nodeMapping: { 'wait-due': 'wait-due' } });
      expect(call.message.graph.nodes.length).toBe(DEFAULT_STRATEGY.graph.nodes.length);
    }
    expect(await h.db.orm.em.fork().count(CollectionRun, { strategyVersion: target })).toBe(3);
    expect(await h.db.orm.em.fork().count(AuditLog, { action: 'strategy.cohort-migrated', entityId: target })).toBe(2);
  });

  it('finds no cohort left on the old version once everyone moved', async () => {
    const response = await migrate({ fromVersionId: from });
    expect(response.body).toMatchObject({ cohort: 0, migrated: [] });
  });

  it('refuses collectors', async () => {
    const collector = await h.login('collector1');
    expect((await migrate({ fromVersionId: from }, collector)).status).toBe(403);
  });
});
