import { afterEach, describe, expect, it } from '@jest/globals';
import { cleanup, render, screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { ApiClient } from '../../src/api/api-client.ts';
import { ApiContext } from '../../src/api/api-context.ts';
import { ComplianceSettingsPage } from '../../src/admin/compliance-settings.page.tsx';
import { fakeServer, type FakeRoute } from '../support/fake-server.ts';

const admin = { id: 'u-admin', email: 'admin@recoup.local', name: 'Ada Admin', role: 'admin' as const };
const manager = { id: 'u-manager', email: 'manager@recoup.local', name: 'Max Manager', role: 'manager' as const };

const setting = (customerType: 'consumer' | 'business', overrides: object = {}) => ({
  customerType,
  contactStartMinutes: 480,
  contactEndMinutes: 1260,
  maxCallAttempts: 7,
  callWindowDays: 7,
  quietDaysAfterConversation: 7,
  updatedAt: '2026-11-20T09:30:00.000Z',
  ...overrides,
});

const refusal = (path: string, reason: string) => ({
  status: 400,
  body: { error: { code: 'validation-failed', message: 'The request is not valid.', details: { fields: [{ in: 'body', path, reason }] } } },
});

function renderPage(routes: Record<string, FakeRoute> = {}, user: typeof admin | typeof manager = admin) {
  const server = fakeServer({ 'GET /api/compliance-settings': () => ({ status: 200, body: [setting('business'), setting('consumer')] }), ...routes });
  render(
    <ApiContext value={new ApiClient(server.fetchFn)}>
      <ComplianceSettingsPage user={user} />
    </ApiContext>,
  );
  return { server, user: userEvent.setup() };
}

const card = async (name: 'Consumer debts' | 'Business debts') => within(await screen.findByRole('region', { name }));

afterEach(cleanup);

describe('the compliance settings page', () => {
  it('shows each customer type’s settings with what each means and the Reg F rule behind it', async () => {
    renderPage();
    const consumer = await card('Consumer debts');
    expect(consumer.getByLabelText<HTMLInputElement>('Contact from').value).toBe('08:00');
    expect(consumer.getByLabelText<HTMLInputElement>('Contact until').value).toBe('21:00');
    expect(consumer.getByLabelText<HTMLInputElement>('Call attempts at most').value).toBe('7');
    expect(consumer.getByLabelText<HTMLInputElement>('Within days').value).toBe('7');
    expect(consumer.getByLabelText<HTMLInputElement>('Days without calls after a conversation').value).toBe('7');
    const text = consumer.getByRole('group').textContent ?? '';
    expect(text).toContain('12 CFR 1006.6(b)(1)(i)');
    expect(text).toContain('more than 7 times within 7 consecutive days');
    expect(text).toContain('12 CFR 1006.14(b)(2)(ii)');
    expect((await card('Business debts')).getByText(/Reg F protects consumers only/)).toBeTruthy();
  });

  it('saves an admin’s change as minutes after midnight and says when it applies', async () => {
    const { server, user } = renderPage({
      'PUT /api/compliance-settings/consumer': ({ body }) => ({ status: 200, body: setting('consumer', { ...(body as object), updatedAt: '2026-11-21T10:00:00.000Z' }) }),
    });
    const consumer = await card('Consumer debts');
    await user.clear(consumer.getByLabelText('Contact until'));
    await user.type(consumer.getByLabelText('Contact until'), '20:30');
    await user.clear(consumer.getByLabelText('Call attempts at most'));
    await user.type(consumer.getByLabelText('Call attempts at most'), '5');
    await user.click(consumer.getByRole('button', { name: 'Save consumer debts' }));
    expect(await consumer.findByText(/^Saved\. Workflows apply it from their next reminder or call/)).toBeTruthy();
    expect(server.calls('PUT /api/compliance-settings/consumer').map((r) => r.body)).toEqual([
      { contactStartMinutes: 480, contactEndMinutes: 1230, maxCallAttempts: 5, callWindowDays: 7, quietDaysAfterConversation: 7 },
    ]);
    expect(server.calls('PUT /api/compliance-settings/business')).toEqual([]);
    expect(consumer.getByLabelText<HTMLInputElement>('Contact until').value).toBe('20:30');
  });

  it('shows the API’s reason next to the field it names, in the page’s words', async () => {
    const { user } = renderPage({
      'PUT /api/compliance-settings/business': () => refusal('contactEndMinutes', 'must be later than contactStartMinutes'),
    });
    const business = await card('Business debts');
    await user.clear(business.getByLabelText('Contact until'));
    await user.type(business.getByLabelText('Contact until'), '07:00');
    await user.click(business.getByRole('button', { name: 'Save business debts' }));
    const until = business.getByLabelText('Contact until');
    expect(await business.findByText('must be later than “Contact from”')).toBeTruthy();
    expect(until.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(until.getAttribute('aria-describedby') ?? '')?.textContent).toBe('must be later than “Contact from”');
    expect(business.getByLabelText('Contact from').getAttribute('aria-invalid')).toBeNull();
    expect(business.getByRole('alert').textContent).toBe('The request is not valid. Nothing was saved; the marked field says why.');
  });

  it('names a number the API refuses as out of range next to that number', async () => {
    const { user } = renderPage({
      'PUT /api/compliance-settings/consumer': () => refusal('callWindowDays', 'Too big: expected number to be <=90'),
    });
    const consumer = await card('Consumer debts');
    await user.clear(consumer.getByLabelText('Within days'));
    await user.type(consumer.getByLabelText('Within days'), '365');
    await user.click(consumer.getByRole('button', { name: 'Save consumer debts' }));
    expect(await consumer.findByText('Too big: expected number to be <=90')).toBeTruthy();
    expect(consumer.getByLabelText('Within days').getAttribute('aria-invalid')).toBe('true');
  });

  it('refuses a time it cannot read without sending anything', async () => {
    const { server, user } = renderPage();
    const consumer = await card('Consumer debts');
    await user.clear(consumer.getByLabelText('Contact from'));
    await user.type(consumer.getByLabelText('Contact from'), '8am');
    await user.click(consumer.getByRole('button', { name: 'Save consumer debts' }));
    expect(await consumer.findByText('Write the time as HH:MM on a 24-hour clock, for example 08:00.')).toBeTruthy();
    expect(consumer.getByRole('alert').textContent).toBe('Nothing was saved: correct the marked fields.');
    expect(server.requests.filter((r) => r.method === 'PUT')).toEqual([]);
  });

  it('shows a manager the settings that apply, read-only', async () => {
    renderPage({}, manager);
    const consumer = await card('Consumer debts');
    expect(consumer.getAllByRole('textbox').map((input) => (input as HTMLInputElement).readOnly)).toEqual([true, true, true, true, true]);
    expect(consumer.queryByRole('button', { name: /^Save/ })).toBeNull();
    expect(screen.getByRole('note').textContent).toContain('Only admins can change these settings.');
  });

  it('lists consumer debts first, the customer type Reg F is written for', async () => {
    renderPage();
    await card('Consumer debts');
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual(['Consumer debts', 'Business debts']);
  });

  it('says why the settings could not be loaded and tries again', async () => {
    let calls = 0;
    const { user } = renderPage({
      'GET /api/compliance-settings': () =>
        ++calls === 1
          ? { status: 500, body: { error: { code: 'unexpected', message: 'Something went wrong on the server.' } } }
          : { status: 200, body: [setting('consumer')] },
    });
    expect((await screen.findByRole('alert')).textContent).toContain('Something went wrong on the server.');
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('region', { name: 'Consumer debts' })).toBeTruthy();
  });
});
