import { afterEach, describe, expect, it } from '@jest/globals';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { ApiClient } from '../../src/api/api-client.ts';
import { ApiContext } from '../../src/api/api-context.ts';
import { TemplatesPage } from '../../src/templates/templates.page.tsx';
import { fakeServer } from '../support/fake-server.ts';
import type { FakeReply, FakeRequest, FakeRoute } from '../support/fake-server.ts';

const overdue = {
  id: 't-1',
  key: 'overdue-7',
  channel: 'email',
  name: 'First overdue reminder',
  subject: 'Reminder: {{amount}} is now overdue',
  bodyText: 'Dear {{account.name}},\n\nplease pay {{amount}}.\n\nOpt out: {{optOutUrl}}',
  smsText: '{{account.name}}: {{amount}} is overdue.',
  updatedAt: '2025-01-02T03:04:05.000Z',
};
const escalation = {
  id: 't-2',
  key: 'escalation-manager',
  channel: 'email',
  name: 'Escalation to a manager',
  subject: 'Escalation: {{account.name}}',
  bodyText: 'Please review {{account.name}}.',
  updatedAt: '2025-01-02T03:04:05.000Z',
};
const acme = { id: 'a-1', externalRef: 'ACME-001', name: 'Acme Ltd', currency: 'EUR' };

// Renders like the server would, closely enough to tell the texts sent apart.
function render_(template: string): string {
  return template.replaceAll('{{account.name}}', 'Acme Ltd').replaceAll('{{amount}}', '€1,234.50').replaceAll('{{optOutUrl}}', 'https://recoup.test/optout/x');
}

const preview: FakeRoute = ({ body }) => {
  const request = body as { channel: string; subject: string; bodyText: string; smsText?: string };
  if (request.channel === 'sms') return { status: 200, body: { subject: '', text: render_(request.smsText ?? request.bodyText) } };
  return { status: 200, body: { subject: render_(request.subject), text: render_(request.bodyText) } };
};

function renderPage(canEdit: boolean, routes: Record<string, FakeRoute> = {}) {
  const server = fakeServer({
    'GET /api/templates': () => ({ status: 200, body: [escalation, overdue] }),
    'GET /api/accounts': () => ({ status: 200, body: { items: [acme], total: 1, limit: 10, offset: 0 } }),
    'POST /api/templates/preview': preview,
    ...routes,
  });
  render(
    <ApiContext value={new ApiClient(server.fetchFn)}>
      <TemplatesPage canEdit={canEdit} />
    </ApiContext>,
  );
  return { server, user: userEvent.setup() };
}

const field = (label: string) => screen.getByLabelText<HTMLInputElement | HTMLTextAreaElement>(label);
const templatesNav = () => screen.getByRole('navigation', { name: 'Templates' });

async function openOverdue(user: ReturnType<typeof userEvent.setup>) {
  await user.click(await within(templatesNav()).findByRole('button', { name: /First overdue reminder/ }));
}

describe('TemplatesPage', () => {
  afterEach(cleanup);

  it('lists the templates and opens the first', async () => {
    renderPage(true);

    const items = await within(templatesNav()).findAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual([
      'Escalation to a managerescalation-manager · email',
      'First overdue reminderoverdue-7 · email',
    ]);
    expect(within(templatesNav()).getByRole('button', { name: /Escalation to a manager/ }).getAttribute('aria-current')).toBe('true');
    expect(field('Name').value).toBe('Escalation to a manager');
    expect(field('Body text').value).toBe('Please review {{account.name}}.');
    expect(field('SMS text').value).toBe('');
  });

  it('saves only what changed and shows it saved', async () => {
    const { server, user } = renderPage(true, {
      'PUT /api/templates/overdue-7': ({ body }: FakeRequest): FakeReply => ({
        status: 200,
        body: { ...overdue, ...(body as object), updatedAt: '2025-02-01T00:00:00.000Z' },
      }),
    });
    await openOverdue(user);

    const save = screen.getByRole('button', { name: 'Save' }) as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    await user.clear(field('Subject'));
    await user.type(field('Subject'), 'Second notice: {{{{amount}} overdue');
    await user.clear(field('SMS text'));
    expect(within(templatesNav()).getByRole('button', { name: /First overdue reminder/ }).textContent).toContain('unsaved changes');
    await user.click(save);

    expect(await screen.findByText('Saved.')).toBeTruthy();
    expect(server.calls('PUT /api/templates/overdue-7').map((call) => call.body)).toEqual([
      { subject: 'Second notice: {{amount}} overdue', smsText: null },
    ]);
    expect(within(templatesNav()).getByRole('button', { name: /First overdue reminder/ }).textContent).not.toContain('unsaved');
    expect((screen.getByRole('button', { name: 'Save' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('attaches the PDF letter to the e-mails of a template once the box is ticked and saved', async () => {
    const { server, user } = renderPage(true, {
      'PUT /api/templates/overdue-7': ({ body }: FakeRequest): FakeReply => ({ status: 200, body: { ...overdue, ...(body as object) } }),
    });
    await openOverdue(user);
    const box = screen.getByRole('checkbox', { name: 'Attach the PDF letter to e-mails' }) as HTMLInputElement;
    expect(box.checked).toBe(false);

    await user.click(box);
    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('Saved.')).toBeTruthy();
    expect(server.calls('PUT /api/templates/overdue-7').map((call) => call.body)).toEqual([{ attachLetter: true }]);
    expect((screen.getByRole('checkbox', { name: 'Attach the PDF letter to e-mails' }) as HTMLInputElement).checked).toBe(true);
  });

  it("shows the server's 422 message next to the field it names", async () => {
    const { user } = renderPage(true, {
      'PUT /api/templates/overdue-7': () => ({
        status: 422,
        body: {
          error: {
            code: 'template-invalid',
            message: 'The template does not render.',
            details: { fields: [{ in: 'body', path: 'subject', reason: 'Unclosed tag "amount" at 14.' }] },
          },
        },
      }),
    });
    await openOverdue(user);
    await user.type(field('Subject'), ' {{{{amount');
    expect(screen.getByText('A "{{" is not closed with "}}".')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Save' }));

    const reason = await screen.findByText('Unclosed tag "amount" at 14.');
    const subject = field('Subject');
    expect(subject.getAttribute('aria-invalid')).toBe('true');
    expect(subject.getAttribute('aria-describedby')?.split(' ')).toContain(reason.id);
    expect(field('Body text').getAttribute('aria-invalid')).toBe('false');
    expect(screen.getByRole('alert').textContent).toBe('The template does not render.');
    // Nothing was lost: the edit is still there to fix.
    expect(subject.value).toBe('Reminder: {{amount}} is now overdue {{amount');
  });

  it('puts a 422 that names one field next to that field', async () => {
    const { user } = renderPage(true, {
      'PUT /api/templates/overdue-7': () => ({
        status: 422,
        body: { error: { code: 'sms-too-long', message: 'The SMS text is longer than 1600 characters.', details: { field: 'smsText' } } },
      }),
    });
    await openOverdue(user);
    await user.type(field('SMS text'), ' More.');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    const reason = await screen.findByText('The SMS text is longer than 1600 characters.', { selector: '.field__error' });
    expect(field('SMS text').getAttribute('aria-describedby')?.split(' ')).toContain(reason.id);
  });

  it('creates a new template', async () => {
    const created = {
      id: 't-3',
      key: 'overdue-30',
      channel: 'letter',
      name: 'Thirty days overdue',
      subject: 'Overdue: {{amount}}',
      bodyText: 'Dear {{account.name}}, please pay.',
      smsText: null,
      updatedAt: '2025-02-01T00:00:00.000Z',
    };
    const { server, user } = renderPage(true, { 'POST /api/templates': () => ({ status: 201, body: created }) });
    await within(templatesNav()).findAllByRole('listitem');

    await user.click(screen.getByRole('button', { name: 'New template' }));
    await user.click(screen.getByRole('button', { name: 'Create template' }));
    expect(screen.getByText('Give the template a key; strategies refer to it by this key.')).toBeTruthy();
    expect(server.calls('POST /api/templates')).toEqual([]);

    await user.type(field('Key'), 'overdue-30');
    await user.selectOptions(field('Written for'), 'letter');
    await user.type(field('Name'), 'Thirty days overdue');
    await user.type(field('Subject'), 'Overdue: {{{{amount}}');
    await user.type(field('Body text'), 'Dear {{{{account.name}}, please pay.');
    await user.click(screen.getByRole('button', { name: 'Create template' }));

    expect(await screen.findByText('Created Thirty days overdue.')).toBeTruthy();
    expect(server.calls('POST /api/templates').map((call) => call.body)).toEqual([
      { key: 'overdue-30', channel: 'letter', name: 'Thirty days overdue', subject: 'Overdue: {{amount}}', bodyText: 'Dear {{account.name}}, please pay.' },
    ]);
    const item = within(templatesNav()).getByRole('button', { name: /Thirty days overdue/ });
    expect(item.getAttribute('aria-current')).toBe('true');
    expect(screen.getByRole('heading', { name: 'Thirty days overdue' })).toBeTruthy();
  });

  it('previews the unsaved texts for a real account, asking the server once typing pauses', async () => {
    const { server, user } = renderPage(true);
    await openOverdue(user);

    await user.click(await screen.findByRole('button', { name: /Acme Ltd/ }));
    const message = await screen.findByRole('article', { name: 'Rendered message' });
    await waitFor(() => expect(message.textContent).toContain('Reminder: €1,234.50 is now overdue'));
    expect(message.textContent).toContain('Dear Acme Ltd,\n\nplease pay €1,234.50.');
    expect(server.calls('POST /api/templates/preview').map((call) => call.body)).toEqual([
      { accountId: 'a-1', channel: 'email', subject: overdue.subject, bodyText: overdue.bodyText, smsText: overdue.smsText },
    ]);

    await user.type(field('Body text'), '\nThank you, {{{{account.name}}!');
    await waitFor(() => expect(screen.getByRole('article', { name: 'Rendered message' }).textContent).toContain('Thank you, Acme Ltd!'));
    // One request for the whole burst of typing, not one per key.
    expect(server.calls('POST /api/templates/preview')).toHaveLength(2);

    await user.selectOptions(screen.getByLabelText('Preview as'), 'sms');
    await waitFor(() => expect(screen.getByRole('article', { name: 'Rendered message' }).textContent).toContain('Acme Ltd: €1,234.50 is overdue.'));
    expect(screen.getByRole('article', { name: 'Rendered message' }).textContent).toContain('31 of 1600 characters');
  });

  it('shows why the server could not render the preview', async () => {
    const { user } = renderPage(true, {
      'POST /api/templates/preview': () => ({
        status: 422,
        body: { error: { code: 'template-invalid', message: 'Unclosed section "invoices" at 40.' } },
      }),
    });
    await openOverdue(user);
    await user.click(await screen.findByRole('button', { name: /Acme Ltd/ }));

    expect((await screen.findByRole('alert')).textContent).toBe('Unclosed section "invoices" at 40.');
  });

  it('is read-only for collectors', async () => {
    const { server, user } = renderPage(false);
    await openOverdue(user);

    expect(screen.getByText('You can read the templates; managers and admins change them.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'New template' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Save' })).toBeNull();
    for (const label of ['Name', 'Subject', 'Body text', 'SMS text']) expect(field(label).readOnly).toBe(true);
    expect((screen.getByRole('checkbox', { name: 'Attach the PDF letter to e-mails' }) as HTMLInputElement).disabled).toBe(true);
    await user.type(field('Name'), 'x');
    expect(field('Name').value).toBe('First overdue reminder');
    expect(server.requests.filter((request) => request.method !== 'GET' && request.url.pathname !== '/api/templates/preview')).toEqual([]);
  });
});
