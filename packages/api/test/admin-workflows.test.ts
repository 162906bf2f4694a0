import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { Account, AuditLog, CollectorTask, StrategyVersion } from '@recoup/db';
import type { WorkflowInspection, WorkflowListResponse } from '@recoup/contracts';
import { WorkflowRefusedError } from '@recoup/workflows';
import { AdminWorkflowsService } from '../src/admin/workflows.service.ts';
import { createHarness, type Harness, type LoggedIn } from './support/harness.ts';

let h: Harness;
let admin: LoggedIn;
let manager: LoggedIn;
let collector: LoggedIn;
let accountId: string;
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

beforeAll(async () => {
  h = await createHarness();
  admin = await h.login('admin');
  manager = await h.login('manager');
  collector = await h.login('collector1');
  const imported = await manager.agent
    .post('/api/imports/portfolio')
    .set('x-csrf-token', manager.csrf)
    .send({
      accounts: [
        {
          externalRef: 'WF-1',
          name: 'Debtor WF-1',
          customerType: 'consumer',
          currency: 'EUR',
          timeZone: 'Europe/Berlin',
          contacts: [{ name: 'Dana', timeZone: 'Europe/Berlin', isPrimary: true, consent: { email: true, sms: false, phone: true, letter: true } }],
          invoices: [{ number: 'WF-1-1', issueDate: '2026-01-01', dueDate: '2026-02-01', amount: { amountMinor: '10000', currency: 'EUR' } }],
        },
      ],
    });
  expect(imported.status).toBe(201);
  accountId = (await h.db.orm.em.fork().findOneOrFail(Account, { externalRef: 'WF-1' })).id;
  h.collections.markRunning(accountId);
});
afterAll(async () => {
  await h.close();
});
beforeEach(() => {
  h.collections.adminError = null;
});

const act = (who: LoggedIn, id: string, action: string, body: object) =>
  who.agent.post(`/api/admin/accounts/${id}/workflow/${action}`).set('x-csrf-token', who.csrf).send(body);

const auditRows = (action: string) => h.db.orm.em.fork().find(AuditLog, { action, entityId: accountId }, { orderBy: { id: 'asc' } });

describe('pausing, resuming and terminating a workflow from the admin console', () => {
  it('refuses managers and collectors with 403, on the buttons and on the pages', async () => {
    for (const who of [manager, collector]) {
      expect((await act(who, accountId, 'pause', { reason: 'no' })).status).toBe(403);
      expect((await who.agent.get('/api/admin/workflows')).status).toBe(403);
      expect((await who.agent.get(`/api/admin/accounts/${accountId}/workflow`)).status).toBe(403);
    }
    expect(h.collections.of('pause')).toEqual([]);
  });

  it('answers 404 for an account that does not exist', async () => {
    const response = await act(admin, UNKNOWN, 'pause', { reason: 'Checking' });
    expect(response.status).toBe(404);
    expect((await admin.agent.get(`/api/admin/accounts/${UNKNOWN}/workflow`)).status).toBe(404);
  });

  it.each([['pause'], ['resume'], ['terminate']])('refuses to %s without a reason with 400 naming the field', async (action) => {
    for (const body of [{}, { reason: '   ' }]) {
      const response = await act(admin, accountId, action, body);
      expect(response.status).toBe(400);
      expect(response.body.error.details.fields).toEqual([expect.objectContaining({ in: 'body', path: 'reason' })]);
    }
    expect(await auditRows(`workflow.${action === 'pause' ? 'paused' : action === 'resume' ? 'resumed' : 'terminated'}`)).toEqual([]);
  });

  it('pauses with the admin as actor, writes the audit row, and shows the pause on the inspector', async () => {
    const response = await act(admin, accountId, 'pause', { reason: 'Customer called about a billing error' });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ action: 'pause', reason: 'Customer called about a billing error', actorId: admin.userId });
    expect(h.collections.of('pause')).toEqual([
      { kind: 'pause', accountId, message: { reason: 'Customer called about a billing error', actorId: admin.userId } },
    ]);
    const rows = await auditRows('workflow.paused');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actorId: admin.userId, entity: 'account', details: { reason: 'Customer called about a billing error' } });

    const page = await admin.agent.get(`/api/admin/accounts/${accountId}/workflow`);
    expect(page.status).toBe(200);
    const inspection = page.body as WorkflowInspection;
    expect(inspection.workflow?.status).toBe('paused');
    expect(inspection.actions[0]).toMatchObject({ action: 'pause', reason: 'Customer called about a billing error', actorName: expect.any(String) });
  });

  it('writes no audit row when the workflow refuses, and says why with 409', async () => {
    h.collections.adminError = new WorkflowRefusedError('The workflow is paused already.');
    const response = await act(admin, accountId, 'pause', { reason: 'Again' });
    expect(response.status).toBe(409);
    expect(response.body.error.message).toBe('The workflow is paused already.');
    expect(await auditRows('workflow.paused')).toHaveLength(1);
  });

  it('resumes and terminates, each with its audit row, newest first on the inspector', async () => {
    expect((await act(admin, accountId, 'resume', { reason: 'Billing error ruled out' })).status).toBe(200);
    const em = h.db.orm.em.fork();
    const task = em.create(CollectorTask, {
      account: accountId,
      key: `terminate-${accountId}`,
      workflowId: `collection-${accountId}`,
      nodeId: 'call',
      taskType: 'call',
      title: 'Call',
      outcomes: ['done'],
      dueAt: new Date(),
    });
    await em.flush();
    expect((await act(admin, accountId, 'terminate', { reason: 'Sold to an agency outside the system' })).status).toBe(200);
    // Nobody collects the account any more, so its open task is closed with the reason.
    expect(await h.db.orm.em.fork().findOneOrFail(CollectorTask, { id: task.id })).toMatchObject({
      status: 'cancelled',
      note: "Closed: an admin ended the account's collection.",
    });
    expect(h.collections.of('terminate')).toEqual([{ kind: 'terminate', accountId, reason: 'Sold to an agency outside the system' }]);
    expect(await auditRows('workflow.resumed')).toHaveLength(1);
    expect(await auditRows('workflow.terminated')).toHaveLength(1);
    const inspection = (await admin.agent.get(`/api/admin/accounts/${accountId}/workflow`)).body as WorkflowInspection;
    expect(inspection.workflow?.status).toBe('terminated');
    expect(inspection.state).toBeNull();
    expect(inspection.actions.map((a) => a.action)).toEqual(['terminate', 'resume', 'pause']);
  });
});

describe('the admin workflow list and inspector', () => {
  it('passes the filters to Temporal and names each row from the database', async () => {
    const version = await h.db.orm.em.fork().find(StrategyVersion, {}, { populate: ['strategy'], limit: 1 }).then((rows) => rows[0]!);
    const nodeId = version.graph.nodes[1]?.id ?? '';
    h.collections.listed = [
      {
        accountId,
        workflowId: `collection-${accountId}`,
        runId: 'run-1',
        status: 'running',
        startedAt: '2026-01-01T00:00:00.000Z',
        closedAt: null,
        strategyVersionId: version.id,
        nodeId,
        segment: 'standard',
        collectorId: collector.userId,
      },
    ];
    const response = await admin.agent.get('/api/admin/workflows').query({ status: 'running', segment: 'standard', pageSize: 10 });
    expect(response.status).toBe(200);
    expect(h.collections.listAsked.at(-1)).toEqual({ filter: { status: 'running', segment: 'standard' }, pageSize: 10, pageToken: undefined });
    const body = response.body as WorkflowListResponse;
    expect(body.items[0]).toMatchObject({
      accountName: 'Debtor WF-1',
      strategyVersionLabel: `${version.strategy.name} v${version.version}`,
      nodeLabel: expect.any(String),
      collectorName: expect.any(String),
      inspectorPath: `/admin/workflows/${accountId}`,
    });
    expect(body.total).toBe(1);
  });

  it('refuses an unknown status or a filter value with quotes, naming the field', async () => {
    const status = await admin.agent.get('/api/admin/workflows').query({ status: 'sleeping' });
    expect(status.status).toBe(400);
    expect(status.body.error.details.fields[0].path).toBe('status');
    const node = await admin.agent.get('/api/admin/workflows').query({ nodeId: "x' OR 1=1" });
    expect(node.status).toBe(400);
    expect(node.body.error.details.fields[0].path).toBe('nodeId');
  });

  it('links the Temporal Web UI only when its URL is configured', async () => {
    const inspection = (await admin.agent.get(`/api/admin/accounts/${accountId}/workflow`)).body as WorkflowInspection;
    expect(inspection.temporalUiUrl).toBeNull();
    expect(inspection.historyJsonPath).toBe(`/api/admin/accounts/${accountId}/history.json`);
    const withUi = new AdminWorkflowsService(h.db.orm, h.collections, { uiUrl: 'http://127.0.0.1:8233/', namespace: 'recoup', pageTokenSecret: 'test-page-token-secret' });
    const adminUser = { id: admin.userId, email: 'admin@recoup.local', name: 'Admin', role: 'admin' as const };
    expect((await withUi.inspect(accountId, adminUser)).temporalUiUrl).toBe(`http://127.0.0.1:8233/namespaces/recoup/workflows/collection-${accountId}`);
  });

  it('serves the readable timeline of an account', async () => {
    const response = await admin.agent.get(`/api/admin/accounts/${accountId}/timeline`);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ accountId, entries: [expect.objectContaining({ kind: 'run', title: 'Collection started' })] });
  });
});
