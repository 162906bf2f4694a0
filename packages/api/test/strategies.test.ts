import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEFAULT_STRATEGY } from '@recoup/domain';
import { AuditLog } from '@recoup/db';
import { createHarness, type Harness, type LoggedIn } from './support/harness.ts';

let h: Harness;
let manager: LoggedIn;
beforeAll(async () => {
  h = await createHarness();
  manager = await h.login('manager');
});
afterAll(async () => {
  await h.close();
});

const broken = {
  schemaVersion: 1,
  nodes: [
    { id: 'start', type: 'start', position: { x: 0, y: 0 }, data: {} },
    { id: 'mail', type: 'reminder', position: { x: 0, y: 0 }, data: { channel: 'email', template: 'no-such-template' } },
    { id: 'island', type: 'wait', position: { x: 0, y: 0 }, data: { mode: 'duration', days: 1 } },
  ],
  edges: [{ id: 'e1', source: 'start', target: 'mail', sourceHandle: 'next' }],
};

describe('strategies', () => {
  it.each([['a list', []], ['a string', 'graph'], ['null', null]])('refuses a draft that is %s with 400 naming draft, and stores nothing', async (_what, draft) => {
    const name = `Not an object ${JSON.stringify(draft)}`;
    const created = await manager.agent.post('/api/strategies').set('x-csrf-token', manager.csrf).send({ name, draft });
    expect(created.status).toBe(400);
    expect(created.body.error.details.fields).toEqual([{ in: 'body', path: 'draft', reason: 'must be a JSON object (a strategy graph document)' }]);
    expect((await manager.agent.get('/api/strategies')).body.map((s: { name: string }) => s.name)).not.toContain(name);
  });

  it('refuses to publish an invalid graph with 422 listing each problem and its node', async () => {
    const created = await manager.agent
      .post('/api/strategies')
      .set('x-csrf-token', manager.csrf)
      .send({ name: 'Broken', draft: broken });
    expect(created.status).toBe(201);
    const published = await manager.agent.post(`/api/strategies/${created.body.id}/publish`).set('x-csrf-token', manager.csrf);
    expect(published.status).toBe(422);
    expect(published.body.error.code).toBe('strategy-invalid');
    const problems = published.body.error.details.problems as { code: string; nodeId?: string }[];
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'unknown-template', nodeId: 'mail' }),
        expect.objectContaining({ code: 'unreachable-node', nodeId: 'island' }),
        expect.objectContaining({ code: 'missing-end' }),
      ]),
    );
    const versions = await manager.agent.get(`/api/strategies/${created.body.id}/versions`);
    expect(versions.body).toEqual([]);
  });

  it('validates any document without storing it', async () => {
    const response = await manager.agent.post('/api/strategies/validate').set('x-csrf-token', manager.csrf).send(broken);
    expect(response.status).toBe(200);
    expect(response.body.valid).toBe(false);
    expect(response.body.problems.length).toBeGreaterThan(0);
    const good = await manager.agent
      .post('/api/strategies/validate')
      .set('x-csrf-token', manager.csrf)
      .send({ graph: DEFAULT_STRATEGY.graph });
    expect(good.body).toEqual({ valid: true, problems: [] });
  });

  it('publishes numbered, checksummed, immutable versions of a valid draft', async () => {
    const created = await manager.agent
      .post('/api/strategies')
      .set('x-csrf-token', manager.csrf)
      .send({ name: 'Copy of default', description: 'd', draft: DEFAULT_STRATEGY.graph });
    const id = created.body.id as string;
    const v1 = await manager.agent.post(`/api/strategies/${id}/publish`).set('x-csrf-token', manager.csrf);
    expect(v1.status).toBe(201);
    expect(v1.body).toMatchObject({ strategyId: id, version: 1, checksum: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const edited = await manager.agent
      .put(`/api/strategies/${id}`)
      .set('x-csrf-token', manager.csrf)
      .send({ description: 'edited' });
    expect(edited.body).toMatchObject({ description: 'edited', latestVersion: { version: 1 } });
    const v2 = await manager.agent.post(`/api/strategies/${id}/publish`).set('x-csrf-token', manager.csrf);
    expect(v2.body.version).toBe(2);
    expect(v2.body.checksum).toBe(v1.body.checksum);
    const versions = await manager.agent.get(`/api/strategies/${id}/versions`);
    expect(versions.body.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    const one = await manager.agent.get(`/api/strategy-versions/${v1.body.id}`);
    expect(one.body.graph.nodes).toHaveLength(DEFAULT_STRATEGY.graph.nodes.length);
    expect(await h.db.orm.em.fork().count(AuditLog, { action: 'strategy.published' })).toBe(2);
  });

  it('refuses a second strategy with the same name with 409', async () => {
    await manager.agent.post('/api/strategies').set('x-csrf-token', manager.csrf).send({ name: 'Twice' });
    const again = await manager.agent.post('/api/strategies').set('x-csrf-token', manager.csrf).send({ name: 'Twice' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('strategy-name-taken');
  });

  it('moves the default flag to the strategy that takes it', async () => {
    const created = await manager.agent
      .post('/api/strategies')
      .set('x-csrf-token', manager.csrf)
      .send({ name: 'New default', isDefault: true });
    expect(created.body.isDefault).toBe(true);
    const list = await manager.agent.get('/api/strategies');
    expect(list.body.filter((s: { isDefault: boolean }) => s.isDefault).map((s: { name: string }) => s.name)).toEqual(['New default']);
  });

  it('lets collectors read but not write', async () => {
    const collector = await h.login('collector1');
    expect((await collector.agent.get('/api/strategies')).status).toBe(200);
    const list = await collector.agent.get('/api/strategies');
    const id = list.body[0].id as string;
    const put = await collector.agent.put(`/api/strategies/${id}`).set('x-csrf-token', collector.csrf).send({ description: 'x' });
    expect(put.status).toBe(403);
  });

  it('lists the facts and templates the designer offers', async () => {
    const facts = await manager.agent.get('/api/facts');
    expect(facts.body.facts.map((f: { name: string }) => f.name)).toContain('daysPastDue');
    const templates = await manager.agent.get('/api/templates');
    expect(templates.body.map((t: { key: string }) => t.key)).toContain('overdue-7');
  });
});
