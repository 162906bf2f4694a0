import { afterEach, describe, expect, it } from '@jest/globals';
import { cleanup, render, screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { ApiClient } from '../../src/api/api-client.ts';
import { ApiContext } from '../../src/api/api-context.ts';
import { ApiReferencePage } from '../../src/admin/api-reference/api-reference.page.tsx';
import { fakeServer, type FakeRoute } from '../support/fake-server.ts';

// A small document shaped the way the API's own is generated (zod-openapi, OpenAPI 3.1): one tag per operation,
// the access and scope sentences closing each description, `x-access` and `x-token-scope`, and the error shape as
// every operation's `default` answer.
const errorResponse = {
  description: 'The request was refused or failed. `code` is stable and meant for programs, `message` for people; `details` names the fields at fault.',
  content: {
    'application/json': {
      schema: {
        type: 'object',
        properties: {
          error: {
            type: 'object',
            properties: { code: { type: 'string' }, message: { type: 'string' }, details: {} },
            required: ['code', 'message'],
            additionalProperties: false,
          },
        },
        required: ['error'],
        additionalProperties: false,
      },
    },
  },
};
const uuid = { type: 'string', format: 'uuid', pattern: '^[0-9a-f-]{36}$' };
const safeInt = { type: 'integer', minimum: -9007199254740991, maximum: 9007199254740991 };
const idParam = { in: 'path', name: 'id', required: true, schema: uuid };
const session = [{ session: [] }];
const write = (scope: string | null) => [{ session: [], csrf: [] }, ...(scope ? [{ token: [scope] }] : [])];

const accountSummary = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    name: { type: 'string' },
    riskScore: { anyOf: [safeInt, { type: 'null' }] },
    assignedCollectorId: { type: ['string', 'null'] },
    balance: { type: 'array', items: { $ref: '#/components/schemas/Money' } },
  },
  required: ['id', 'name', 'riskScore', 'assignedCollectorId', 'balance'],
  additionalProperties: false,
};

const openApiDocument = {
  openapi: '3.1.0',
  info: {
    title: 'Recoup API',
    version: '0.1.0',
    description: [
      'The API behind the Recoup web app, for integrations and scripts.',
      'People sign in with POST /api/auth/login; the session cookie `recoup.sid` then goes with every request, and every write carries the CSRF token in the `x-csrf-token` header.',
      'Money is always an integer amount in minor units with its ISO 4217 currency. Errors have one shape on every route: `{ error: { code, message, details } }`.',
    ].join('\n\n'),
  },
  tags: [
    { name: 'accounts', description: 'Accounts, their notes, calls and the cease-communication flag.' },
    { name: 'payments', description: 'Payments, bank statements and cash application.' },
    { name: 'auth', description: 'Signing in and who is signed in.' },
    { name: 'system', description: 'Health, reference facts and this contract.' },
  ],
  // Not in tag order, on purpose: the page groups by document.tags.
  paths: {
    '/api/health': {
      get: {
        operationId: 'getHealth',
        summary: 'Whether the API and its worker are up',
        description: 'Answers 200 as long as the API answers.\n\nNo sign-in needed.',
        tags: ['system'],
        responses: {
          '200': {
            description: 'The API is up.',
            content: { 'application/json': { schema: { type: 'object', properties: { status: { type: 'string', enum: ['ok', 'degraded'] } }, required: ['status'] } } },
          },
          default: errorResponse,
        },
        security: [],
        'x-access': 'public',
      },
    },
    '/api/auth/logout': {
      post: {
        operationId: 'postAuthLogout',
        summary: 'Sign out',
        description: 'Any signed-in user.\n\nNot open to API tokens.',
        tags: ['auth'],
        responses: { '204': { description: 'Signed out.' }, default: errorResponse },
        security: write(null),
        'x-access': 'signed-in',
      },
    },
    '/api/accounts': {
      get: {
        operationId: 'getAccounts',
        summary: 'List the accounts the caller may see',
        description:
          "A collector sees the accounts assigned to them, a manager their team's, an admin all. `q` searches names and references.\n\nRoles: admin, manager, collector.\n\nAPI tokens need the scope `accounts:read`.",
        tags: ['accounts'],
        parameters: [
          { in: 'query', name: 'limit', schema: { default: 50, type: 'integer', minimum: 1, maximum: 500 } },
          { in: 'query', name: 'q', description: 'Part of a name or reference.', schema: { type: 'string', maxLength: 200 } },
          { in: 'query', name: 'assignee', schema: { anyOf: [uuid, { type: 'string', const: 'me' }, { type: 'string', const: 'none' }] } },
        ],
        responses: {
          '200': {
            description: 'One page of accounts with their open balance per currency.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: { items: { type: 'array', items: accountSummary }, total: { type: 'integer', minimum: 0, maximum: 9007199254740991 } },
                  required: ['items', 'total'],
                  additionalProperties: false,
                },
              },
            },
          },
          default: errorResponse,
        },
        security: [...session, { token: ['accounts:read'] }],
        'x-access': ['admin', 'manager', 'collector'],
        'x-token-scope': 'accounts:read',
      },
    },
    '/api/accounts/{id}/notes': {
      post: {
        operationId: 'postAccountsByIdNotes',
        summary: 'Add a note to the account',
        description: 'Roles: admin, manager, collector.\n\nAPI tokens need the scope `accounts:write`.',
        tags: ['accounts'],
        parameters: [idParam],
        requestBody: {
          required: true,
          content: { 'application/json': { schema: { type: 'object', properties: { text: { type: 'string', minLength: 1, maxLength: 4000 } }, required: ['text'] } } },
        },
        responses: {
          '201': { description: 'The note as stored.', content: { 'application/json': { schema: { type: 'object', properties: { id: uuid, text: { type: 'string' } }, required: ['id', 'text'] } } } },
          default: errorResponse,
        },
        security: write('accounts:write'),
        'x-access': ['admin', 'manager', 'collector'],
        'x-token-scope': 'accounts:write',
      },
    },
    '/api/payments': {
      post: {
        operationId: 'postPayments',
        summary: 'Record a payment received outside a bank statement',
        description: 'The payment is allocated to the invoices named, oldest first otherwise.\n\nRoles: admin, manager.\n\nAPI tokens need the scope `payments:write`.',
        tags: ['payments'],
        requestBody: {
          required: true,
          description: 'The payment and how it is split.',
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: {
                  accountId: uuid,
                  amount: { $ref: '#/components/schemas/Money' },
                  method: { type: 'string', enum: ['card', 'transfer', 'cheque'] },
                  reference: { type: ['string', 'null'], description: 'The payer’s own reference, when they gave one.' },
                  allocations: {
                    type: 'array',
                    maxItems: 50,
                    items: { type: 'object', properties: { invoiceId: uuid, amount: { $ref: '#/components/schemas/Money' } }, required: ['invoiceId', 'amount'] },
                  },
                },
                required: ['accountId', 'amount', 'method', 'reference'],
                additionalProperties: false,
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'The payment as recorded.',
            content: { 'application/json': { schema: { type: 'object', properties: { id: uuid, status: { type: 'string', const: 'recorded' } }, required: ['id', 'status'] } } },
          },
          default: errorResponse,
        },
        security: write('payments:write'),
        'x-access': ['admin', 'manager'],
        'x-token-scope': 'payments:write',
      },
    },
    '/api/payments/{id}': {
      delete: {
        operationId: 'deletePaymentsById',
        summary: 'Remove a payment recorded by mistake',
        description: 'Roles: admin.\n\nNot open to API tokens.',
        tags: ['payments'],
        parameters: [idParam],
        responses: { '204': { description: 'Removed; its allocations are undone.' }, default: errorResponse },
        security: write(null),
        'x-access': ['admin'],
      },
    },
  },
  components: {
    schemas: {
      Money: {
        type: 'object',
        description: 'An amount in minor units with its ISO 4217 currency.',
        properties: { amountMinor: { type: 'string', pattern: '^-?\\d+$' }, currency: { type: 'string', minLength: 3, maxLength: 3 } },
        required: ['amountMinor', 'currency'],
        additionalProperties: false,
      },
    },
    securitySchemes: {
      session: { type: 'apiKey', in: 'cookie', name: 'recoup.sid', description: 'The session of a signed-in user.' },
      csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token', description: 'The CSRF token from the login answer, on every write made with a session.' },
      token: { type: 'http', scheme: 'bearer', description: 'An API token. Its scopes decide which routes it reaches.' },
    },
  },
};

function renderPage(routes: Record<string, FakeRoute> = {}) {
  const server = fakeServer({ 'GET /api/openapi.json': () => ({ status: 200, body: openApiDocument }), ...routes });
  render(
    <ApiContext value={new ApiClient(server.fetchFn)}>
      <ApiReferencePage />
    </ApiContext>,
  );
  return { server, user: userEvent.setup() };
}

/** The row of one operation, by its method and path. */
const operationButton = (method: string, path: string) => screen.getByRole('button', { name: new RegExp(`^${method} ${path.replace(/[{}/]/g, '\\$&')} `) });
const shownOperations = () =>
  screen
    .queryAllByRole('button', { expanded: false })
    .concat(screen.queryAllByRole('button', { expanded: true }))
    .map((button) => `${button.querySelector('.api-ref__method')?.textContent} ${button.querySelector('.api-ref__path')?.textContent}`)
    .sort();

async function open(user: ReturnType<typeof userEvent.setup>, method: string, path: string): Promise<HTMLElement> {
  const button = operationButton(method, path);
  await user.click(button);
  expect(button.getAttribute('aria-expanded')).toBe('true');
  const panel = document.getElementById(button.getAttribute('aria-controls') ?? '');
  if (!panel) throw new Error(`no panel for ${method} ${path}`);
  return panel;
}

/** The nested field list item of a field, by its name. */
const fieldItem = (container: HTMLElement, name: string) => {
  const item = within(container).getAllByText(name, { selector: '.schema-field__name' })[0]?.closest('li');
  if (!item) throw new Error(`no field ${name}`);
  return item;
};
/** Only the line of a field (name, type, flags), without the fields nested under it. */
const fieldLine = (container: HTMLElement, name: string) => fieldItem(container, name).querySelector('.schema-field__line')?.textContent ?? '';

describe('ApiReferencePage', () => {
  afterEach(cleanup);

  it('introduces the API and lists its operations under their tag headings, in the order the document lists the tags', async () => {
    renderPage();

    expect(await screen.findByRole('heading', { level: 2, name: /^Recoup API version 0\.1\.0/ })).toBeTruthy();
    expect(screen.getByText(/Money is always an integer amount in minor units/)).toBeTruthy();
    expect(screen.getByText('recoup.sid', { selector: 'code' })).toBeTruthy();
    const tagHeadings = screen.getAllByRole('heading', { level: 2 }).slice(1);
    expect(tagHeadings.map((heading) => heading.textContent)).toEqual(['accounts', 'payments', 'auth', 'system']);

    const payments = screen.getByRole('region', { name: 'payments' });
    expect(within(payments).getByText('Payments, bank statements and cash application.')).toBeTruthy();
    expect(within(payments).getAllByRole('button').map((button) => button.querySelector('.api-ref__path')?.textContent)).toEqual(['/api/payments', '/api/payments/{id}']);
    expect(within(payments).getByRole('button', { name: /^POST \/api\/payments Record a payment/ }).getAttribute('aria-expanded')).toBe('false');
    expect(screen.getByText('6 operations.')).toBeTruthy();
  });

  it('narrows the operations to those whose path, summary or tag matches the search', async () => {
    const { user } = renderPage();
    const search = await screen.findByRole('searchbox', { name: 'Search operations' });

    await user.type(search, '/api/accounts');
    expect(shownOperations()).toEqual(['GET /api/accounts', 'POST /api/accounts/{id}/notes']);
    expect(screen.getByText('2 of 6 operations match.')).toBeTruthy();
    expect(screen.queryByRole('heading', { level: 2, name: 'payments' })).toBeNull();

    await user.clear(search);
    await user.type(search, 'payments');
    expect(shownOperations()).toEqual(['DELETE /api/payments/{id}', 'POST /api/payments']);

    await user.clear(search);
    await user.type(search, 'sign out');
    expect(shownOperations()).toEqual(['POST /api/auth/logout']);

    // A path as Express writes it finds the same operation.
    await user.clear(search);
    await user.type(search, '/api/payments/:id');
    expect(shownOperations()).toEqual(['DELETE /api/payments/{id}']);

    await user.clear(search);
    await user.type(search, 'invoices');
    expect(screen.getByText(/No operation matches/)).toBeTruthy();
  });

  it('lists only the operations an API token may call, each with its scope, when “Open to API tokens” is ticked', async () => {
    const { user } = renderPage();
    await user.click(await screen.findByRole('checkbox', { name: 'Open to API tokens' }));

    expect(shownOperations()).toEqual(['GET /api/accounts', 'POST /api/accounts/{id}/notes', 'POST /api/payments']);
    expect(screen.queryByRole('heading', { level: 2, name: 'system' })).toBeNull();
    expect(operationButton('GET', '/api/accounts').textContent).toContain('accounts:read');
    expect(operationButton('POST', '/api/payments').textContent).toContain('payments:write');

    await user.type(screen.getByRole('searchbox', { name: 'Search operations' }), 'payments');
    expect(shownOperations()).toEqual(['POST /api/payments']);
  });

  it('opens an operation to show who may call it, its parameters as a table and each response with its fields', async () => {
    const { user } = renderPage();
    await screen.findByRole('region', { name: 'accounts' });
    const panel = await open(user, 'GET', '/api/accounts');

    expect(within(panel).getByText(/A collector sees the accounts assigned to them/)).toBeTruthy();
    // The closing sentences on access are shown as facts, not repeated in the text.
    expect(within(panel).queryByText('Roles: admin, manager, collector.')).toBeNull();
    expect(within(panel).getByText('Users with the role admin, manager or collector.')).toBeTruthy();
    expect(within(panel).getByText('accounts:read', { selector: 'code' })).toBeTruthy();

    const table = within(panel).getByRole('table', { name: 'Parameters of GET /api/accounts' });
    expect(within(table).getAllByRole('columnheader').map((cell) => cell.textContent)).toEqual(['Name', 'In', 'Required', 'Type', 'Description']);
    const cells = (name: string) => within(within(table).getByRole('rowheader', { name }).closest('tr') as HTMLElement).getAllByRole('cell').map((cell) => cell.textContent);
    expect(cells('limit')).toEqual(['query', 'No', 'integer', '1 to 500 · default 50']);
    expect(cells('q')).toEqual(['query', 'No', 'string', 'Part of a name or reference.at most 200 characters']);
    expect(cells('assignee')).toEqual(['query', 'No', 'string (uuid) or "me" or "none"', '']);

    const ok = within(panel).getByRole('heading', { level: 5, name: '200 OK' }).closest('section') as HTMLElement;
    expect(within(ok).getByText('One page of accounts with their open balance per currency.')).toBeTruthy();
    expect(fieldLine(ok, 'items')).toBe('itemsarray of objectrequired');
    expect(fieldLine(ok, 'riskScore')).toBe('riskScoreintegerrequirednullable');
    expect(fieldLine(ok, 'assignedCollectorId')).toBe('assignedCollectorIdstringrequirednullable');
    expect(within(fieldItem(ok, 'total')).getByText('at least 0')).toBeTruthy();
    const error = within(panel).getByRole('heading', { level: 5, name: 'default Any other status' }).closest('section') as HTMLElement;
    expect(fieldLine(error, 'code')).toBe('codestringrequired');
    expect(fieldLine(error, 'details')).toBe('detailsanyoptional');

    await user.click(operationButton('GET', '/api/accounts'));
    expect(operationButton('GET', '/api/accounts').getAttribute('aria-expanded')).toBe('false');
    expect(panel.hidden).toBe(true);
  });

  it('resolves a $ref in a request body and shows its nested objects, arrays, enums and nullable fields', async () => {
    const { user } = renderPage();
    await screen.findByRole('region', { name: 'payments' });
    const panel = await open(user, 'POST', '/api/payments');

    const body = within(panel).getByRole('heading', { level: 4, name: 'Request body' }).closest('section') as HTMLElement;
    expect(within(body).getByText('Required.')).toBeTruthy();
    expect(within(body).getByText('The payment and how it is split.')).toBeTruthy();
    expect(within(body).getByText('application/json')).toBeTruthy();

    // amount is { $ref: '#/components/schemas/Money' }: its fields are shown in its place, with the component's name.
    const amount = fieldItem(body, 'amount');
    expect(amount.querySelector('.schema-field__line')?.textContent).toBe('amountobjectrequiredMoney');
    expect(within(amount).getByText('An amount in minor units with its ISO 4217 currency.')).toBeTruthy();
    expect(fieldLine(amount, 'amountMinor')).toBe('amountMinorstringrequired');
    expect(within(fieldItem(amount, 'currency')).getByText('exactly 3 characters')).toBeTruthy();

    const method = fieldItem(body, 'method');
    expect([...method.querySelectorAll('code')].map((code) => code.textContent)).toEqual(['method', '"card"', '"transfer"', '"cheque"']);
    expect(fieldLine(body, 'reference')).toBe('referencestringrequirednullable');
    expect(within(fieldItem(body, 'reference')).getByText('The payer’s own reference, when they gave one.')).toBeTruthy();

    const allocations = fieldItem(body, 'allocations');
    expect(allocations.querySelector('.schema-field__line')?.textContent).toBe('allocationsarray of objectoptional');
    expect(within(allocations).getByText('Each item has:')).toBeTruthy();
    expect(within(allocations).getByText('at most 50 items')).toBeTruthy();
    expect(fieldLine(allocations, 'invoiceId')).toBe('invoiceIdstring (uuid)required');
    expect(fieldLine(fieldItem(allocations, 'amount'), 'amountMinor')).toBe('amountMinorstringrequired');

    const created = within(panel).getByRole('heading', { level: 5, name: '201 Created' }).closest('section') as HTMLElement;
    expect(within(created).getByText('The payment as recorded.')).toBeTruthy();
    expect(fieldLine(created, 'status')).toBe('status"recorded"required');
  });

  it('says who may call a public route and one closed to tokens, and that a 204 answers no body', async () => {
    const { user } = renderPage();
    await screen.findByRole('region', { name: 'system' });
    expect(operationButton('GET', '/api/health').textContent).toContain('public');

    const health = await open(user, 'GET', '/api/health');
    expect(within(health).getByText('Anyone: no sign-in needed.')).toBeTruthy();
    expect(within(health).getByText('No token needed.')).toBeTruthy();
    expect(within(health).queryByText('No sign-in needed.')).toBeNull();

    const removal = await open(user, 'DELETE', '/api/payments/{id}');
    expect(within(removal).getByText('Users with the role admin.')).toBeTruthy();
    expect(within(removal).getByText('Not open to API tokens: only a signed-in user may call it.')).toBeTruthy();
    expect(within(removal).getByText('cookie recoup.sid and header x-csrf-token')).toBeTruthy();
    const noContent = within(removal).getByRole('heading', { level: 5, name: '204 No content' }).closest('section') as HTMLElement;
    expect(within(noContent).getByText('Removed; its allocations are undone.')).toBeTruthy();
    expect(within(noContent).getByText('No body.')).toBeTruthy();
  });

  it('offers the raw OpenAPI document for download', async () => {
    renderPage();
    const link = await screen.findByRole('link', { name: 'Download the OpenAPI document (JSON)' });
    expect(link.getAttribute('href')).toBe('/api/openapi.json');
    expect(link.hasAttribute('download')).toBe(true);
  });

  it('shows that the document is loading, why it could not be read, and the reference once a retry succeeds', async () => {
    let attempts = 0;
    const { user } = renderPage({
      'GET /api/openapi.json': () => {
        attempts += 1;
        return attempts === 1 ? { status: 503, body: { error: { code: 'unavailable', message: 'The API is restarting.' } } } : { status: 200, body: openApiDocument };
      },
    });
    expect(screen.getByText('Loading the API reference…')).toBeTruthy();

    expect((await screen.findByRole('alert')).textContent).toContain('The API is restarting.');
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('region', { name: 'accounts' })).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says so when the server sends something that is not an OpenAPI document', async () => {
    renderPage({ 'GET /api/openapi.json': () => ({ status: 200, body: { hello: 'world' } }) });
    expect((await screen.findByRole('alert')).textContent).toContain('The server sent an API description the designer does not understand.');
  });
});
