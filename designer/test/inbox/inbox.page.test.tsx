import { afterEach, describe, expect, it } from '@jest/globals';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import type { InboxItem } from '@recoup/contracts';
import { ApiClient } from '../../src/api/api-client.ts';
import { ApiContext } from '../../src/api/api-context.ts';
import type { User } from '../../src/api/auth.types.ts';
import { InboxPage } from '../../src/inbox/inbox.page.tsx';
import { fakeServer, type FakeRoute } from '../support/fake-server.ts';

const clara: User = { id: 'u-1', email: 'collector1@recoup.local', name: 'Clara Collector', role: 'collector' };

function item(id: string, name: string, fields: Partial<InboxItem> = {}): InboxItem {
  return {
    id,
    accountId: `acc-${id}`,
    accountName: name,
    key: `k-${id}`,
    workflowId: `collection-acc-${id}`,
    nodeId: 'task-call',
    taskType: 'call',
    title: 'Call the customer about the overdue balance',
    status: 'open',
    assigneeId: clara.id,
    outcomes: ['promise-to-pay', 'payment-plan', 'no-contact', 'wrong-number', 'dispute'],
    outcome: null,
    note: null,
    dueAt: '2026-03-10T10:00:00.000Z',
    priority: 'high',
    createdAt: '2026-03-09T10:00:00.000Z',
    completedAt: null,
    completedBy: null,
    account: { id: `acc-${id}`, name, externalRef: `REF-${id}`, segment: 'standard', timeZone: 'Europe/Berlin' },
    ranking: {
      score: 61,
      parts: {
        overdue: { amount: { amountMinor: '125000', currency: 'EUR' }, points: 22 },
        age: { daysPastDue: 38, points: 11 },
        taskOverdue: { hours: 0, points: 0 },
        risk: { score: 720, points: 14, source: 'imported', lateProbability: null, reason: null, confidence: null },
        strategy: { priority: 'high', points: 10 },
      },
    },
    claimable: false,
    ...fields,
  };
}

const page = (items: InboxItem[]) => ({ status: 200, body: { items, total: items.length, limit: 100, offset: 0, segments: ['standard'] } });

function renderInbox(routes: Record<string, FakeRoute>) {
  const server = fakeServer(routes);
  render(
    <ApiContext value={new ApiClient(server.fetchFn)}>
      <InboxPage user={clara} />
    </ApiContext>,
  );
  return { server, user: userEvent.setup() };
}

afterEach(cleanup);

describe('the inbox page', () => {
  it('lists the tasks in the order the server ranked them and says why each ranks there', async () => {
    renderInbox({ 'GET /api/tasks/inbox': () => page([item('1', 'Bigdebt GmbH'), item('2', 'Smalldebt Ltd')]) });
    const tasks = await screen.findByRole('list', { name: 'Tasks' });
    const rows = within(tasks).getAllByRole('article');
    expect(rows.map((r) => within(r).getByRole('link').textContent)).toEqual(['Bigdebt GmbH', 'Smalldebt Ltd']);
    expect(within(rows[0] as HTMLElement).getByText('overdue €1,250.00 · 38 days past due · imported risk 720 · strategy: high')).toBeTruthy();
  });

  it('says what the payment model learned about a customer beside the predicted risk', async () => {
    const late = item('1', 'Slowpay GmbH');
    late.ranking.parts.risk = { score: 640, points: 13, source: 'predicted', lateProbability: 81, reason: 'paid 4 of the last 5 invoices late, 12 days on average', confidence: 'normal' };
    const fresh = item('2', 'Newcomer Ltd');
    fresh.ranking.parts.risk = { score: 300, points: 6, source: 'predicted', lateProbability: 40, reason: 'no payment history yet', confidence: 'low' };
    renderInbox({ 'GET /api/tasks/inbox': () => page([late, fresh, item('3', 'Imported Risk SA')]) });
    const rows = within(await screen.findByRole('list', { name: 'Tasks' })).getAllByRole('article');
    expect(within(rows[0] as HTMLElement).getByText(/predicted risk 640 \(81 % likely late\)/)).toBeTruthy();
    expect(within(rows[0] as HTMLElement).getByText('Why: paid 4 of the last 5 invoices late, 12 days on average')).toBeTruthy();
    expect(within(rows[1] as HTMLElement).getByText('Why: no payment history yet (little history: low confidence)')).toBeTruthy();
    expect(within(rows[2] as HTMLElement).queryByText(/^Why:/)).toBeNull();
  });

  it('says so when nothing matches, and sends the filters and the search to the server', async () => {
    const { server, user } = renderInbox({ 'GET /api/tasks/inbox': () => page([]) });
    expect(await screen.findByText(/No tasks match/)).toBeTruthy();
    await user.selectOptions(screen.getByLabelText('Due'), 'overdue');
    await user.selectOptions(screen.getByLabelText('Type'), 'call');
    await user.type(screen.getByLabelText('Search accounts'), 'acme');
    await waitFor(() => {
      const last = server.calls('GET /api/tasks/inbox').at(-1)?.url.searchParams;
      expect([last?.get('due'), last?.get('type'), last?.get('q')]).toEqual(['overdue', 'call', 'acme']);
    });
  });

  it('warns before dialling when the call rules forbid a call, and shows the server’s refusal', async () => {
    const { user } = renderInbox({
      'GET /api/tasks/inbox': () => page([item('1', 'Talked Recently')]),
      'GET /api/tasks/1/call-check': () => ({
        status: 200,
        body: { allowed: false, checkedAt: '', rules: ['quiet-after-conversation'], reason: 'Calling now would break the call-frequency rule (no call within 7 days after a conversation).', nextAllowedAt: '2026-03-12T10:00:00Z' },
      }),
      'POST /api/tasks/1/complete': () => ({
        status: 422,
        body: { error: { code: 'call-limit', message: 'Calling now would break the call-frequency rule (no call within 7 days after a conversation).', details: { rules: ['quiet-after-conversation'] } } },
      }),
    });
    await user.click(await screen.findByRole('button', { name: 'Log call' }));
    expect((await screen.findAllByRole('alert'))[0]?.textContent).toContain('Do not dial now');
    await user.selectOptions(screen.getByLabelText('Outcome'), 'no-contact');
    await user.click(screen.getByRole('button', { name: 'Record outcome' }));
    await waitFor(() => expect(screen.getAllByRole('alert').some((a) => a.textContent?.includes('no call within 7 days after a conversation') && !a.textContent.includes('Do not dial'))).toBe(true));
  });

  it('completes a call with a promise to pay in minor units and the call result', async () => {
    let completed = false;
    const { server, user } = renderInbox({
      'GET /api/tasks/inbox': () => page(completed ? [] : [item('1', 'Promiser AG')]),
      'GET /api/tasks/1/call-check': () => ({ status: 200, body: { allowed: true, checkedAt: '' } }),
      'POST /api/tasks/1/complete': () => {
        completed = true;
        return { status: 200, body: item('1', 'Promiser AG', { status: 'done', outcome: 'promise-to-pay' }) };
      },
    });
    await user.click(await screen.findByRole('button', { name: 'Log call' }));
    await user.type(screen.getByLabelText('Promised amount (EUR)'), '1,250.50');
    const promised = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    await user.type(screen.getByLabelText('Promised date'), promised);
    await user.click(screen.getByRole('button', { name: 'Record outcome' }));
    expect(await screen.findByText('Recorded “Promise to pay” for Promiser AG.')).toBeTruthy();
    expect(server.calls('POST /api/tasks/1/complete')[0]?.body).toEqual({
      outcome: 'promise-to-pay',
      call: { result: 'conversation' },
      promise: { amount: { amountMinor: '125050', currency: 'EUR' }, dueDate: promised },
    });
  });

  it('keeps what was typed in an open form while the list refreshes behind it', async () => {
    // The server takes a moment to answer, as a real one does, so the list is seen refreshing.
    const { server, user } = renderInbox({
      'GET /api/tasks/inbox': () => new Promise((answer) => setTimeout(() => answer(page([item('1', 'Promiser AG')])), 50)),
      'GET /api/tasks/1/call-check': () => ({ status: 200, body: { allowed: true, checkedAt: '' } }),
    });
    await user.click(await screen.findByRole('button', { name: 'Log call' }));
    await user.type(screen.getByLabelText('Promised amount (EUR)'), '99.00');
    // A search typed after opening the form reloads the list; the form and its text must survive it.
    await user.type(screen.getByLabelText('Search accounts'), 'Promiser');
    await waitFor(() => expect(server.calls('GET /api/tasks/inbox').at(-1)?.url.searchParams.get('q')).toBe('Promiser'));
    await waitFor(() => expect(screen.queryByText('Updating the list…')).toBeNull());
    expect((screen.getByLabelText('Promised amount (EUR)') as HTMLInputElement).value).toBe('99.00');
  });

  it('claims an unassigned task and says when someone else was quicker', async () => {
    const { user } = renderInbox({
      'GET /api/tasks/inbox': () => page([item('9', 'Pooled GmbH', { assigneeId: null, claimable: true })]),
      'POST /api/tasks/9/claim': () => ({ status: 409, body: { error: { code: 'task-taken', message: 'Someone else claimed the task first.' } } }),
    });
    await user.click(await screen.findByRole('button', { name: 'Unassigned' }));
    await user.click(await screen.findByRole('button', { name: 'Claim' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Someone else took the task for Pooled GmbH first.');
  });
});
