import { afterEach, describe, expect, it } from '@jest/globals';
import { cleanup, render, screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import type { KpiDashboard, KpiOptions } from '@recoup/contracts';
import { ApiClient } from '../../src/api/api-client.ts';
import { ApiContext } from '../../src/api/api-context.ts';
import { DashboardsPage } from '../../src/dashboards/dashboards.page.tsx';
import { fakeServer, type FakeRoute } from '../support/fake-server.ts';


const bucket = (key: string, label: string, fromDays: number | null, toDays: number | null, amountMinor: string, invoiceCount: number) => ({
  key,
  label,
  fromDays,
  toDays,
  amountMinor,
  invoiceCount,
});

function dashboardFor(currency: string, from = '2025-01-01', to = '2025-03-31'): KpiDashboard {
  return {
    filters: { from, to, days: 90, currency, segment: null, strategyVersionId: null, arm: null, collectorId: null, buckets: [30, 60, 90] },
    aging: {
      asOf: to,
      totalMinor: '167000',
      invoiceCount: 7,
      buckets: [
        bucket('current', 'Current', null, 0, '35000', 2),
        bucket('1-30', '1–30 days', 1, 30, '7000', 1),
        bucket('31-60', '31–60 days', 31, 60, '40000', 1),
        bucket('61-90', '61–90 days', 61, 90, '5000', 1),
        bucket('90+', 'Over 90 days', 91, null, '80000', 2),
      ],
    },
    dso: {
      days: 90,
      endingArMinor: '167000',
      currentArMinor: '35000',
      creditSalesMinor: '172000',
      simpleDso: 87.38,
      countbackDso: { days: 86.9, complete: true, monthsUsed: 3 },
      bestPossibleDso: 18.31,
      averageDaysDelinquent: 69.07,
      months: [],
    },
    cei: { beginningArMinor: '145000', creditSalesMinor: '172000', endingTotalArMinor: '167000', endingCurrentArMinor: '35000', cei: 53.19 },
    recovery: { overdueAtStartMinor: '120000', collectedMinor: '40000', recoveryRate: 33.33 },
    promises: { keptCount: 2, brokenCount: 1, keptMinor: '35000', brokenMinor: '10000', byCount: 66.67, byAmount: 77.78 },
    productivity: {
      rows: [{ collectorId: 'c-1', name: 'Clara Collector', email: 'c1@x', tasksClosed: 4, promisesObtained: 3, promisedMinor: '41000', collectedMinor: '40000' }],
    },
    forecast: {
      startDate: to,
      historyFrom: '2024-12-30',
      totalMinor: '38800',
      rates: [{ bucketKey: 'current', label: 'Current', collectedMinor: '20000', baseMinor: '25000', rate: 80 }],
      prediction: null,
      weeks: Array.from({ length: 13 }, (_, i) => ({
        week: i + 1,
        startDate: '2025-03-31',
        endDate: '2025-04-06',
        promisesMinor: '0',
        plansMinor: '0',
        predictedMinor: '0',
        invoicesMinor: '100',
        totalMinor: '100',
      })),
    },
    backtest: null,
  };
}

const options: KpiOptions = {
  currencies: [
    { currency: 'EUR', invoiceCount: 9 },
    { currency: 'USD', invoiceCount: 1 },
  ],
  defaultCurrency: 'EUR',
  segments: ['sme', 'standard'],
  strategyVersions: [{ id: '7c1d5f2e-0d7a-4c61-9d0e-9a3f1b2c4d5e', strategyName: 'Default', version: 1 }],
  arms: ['challenger', 'champion'],
  collectors: [{ id: 'c-1', name: 'Clara Collector' }],
};

function renderPage(dashboard: FakeRoute) {
  const server = fakeServer({ 'GET /api/kpis': dashboard, 'GET /api/kpis/options': () => ({ status: 200, body: options }) });
  render(
    <ApiContext value={new ApiClient(server.fetchFn)}>
      <DashboardsPage />
    </ApiContext>,
  );
  return { server, user: userEvent.setup() };
}

afterEach(cleanup);

describe('the dashboards page', () => {
  it('shows a loading state, then tiles that explain their formula, the aging table and the productivity table', async () => {
    renderPage(({ url }) => ({ status: 200, body: dashboardFor(url.searchParams.get('currency') ?? 'EUR') }));
    expect(screen.getByRole('status').textContent).toContain('Loading the dashboard');

    const tiles = await screen.findByRole('list', { name: 'Key figures' });
    const simple = within(tiles).getByText('Simple DSO').closest('li');
    expect(simple?.textContent).toContain('87.4 days');
    expect(simple?.textContent).toContain('Ending AR ÷ credit sales in the period × days in the period.');
    expect(within(tiles).getByText('Collection Effectiveness Index').closest('li')?.textContent).toContain('53.2 %');
    expect(within(tiles).getByText('Promises kept (by amount)').closest('li')?.textContent).toContain('77.8 %');

    const aging = screen.getByRole('table', { name: 'Aging buckets' });
    const over90 = within(aging).getByRole('row', { name: /Over 90 days/ });
    expect(over90.textContent).toContain('2');
    expect(over90.textContent).toContain('€800.00');
    expect(screen.getByRole('img', { name: /aging bucket/ })).toBeTruthy();
    expect(screen.getByRole('img', { name: /Expected collections per week.*€388\.00/ })).toBeTruthy();
    // No model is active yet: the backtest block says when it will appear.
    expect(screen.getByRole('region', { name: 'Forecast backtest' }).textContent).toContain('It appears after the first payment model is trained');

    const productivity = screen.getByRole('table', { name: 'Collector productivity' });
    expect(within(productivity).getByRole('row', { name: /Clara Collector/ }).textContent).toContain('€400.00');
  });

  it('links every block to its CSV with the filters shown', async () => {
    renderPage(() => ({ status: 200, body: dashboardFor('EUR') }));
    const link = await screen.findByRole('link', { name: 'Download CSV: Aging' });
    expect(link.getAttribute('href')).toBe('/api/kpis/aging.csv?from=2025-01-01&to=2025-03-31&currency=EUR');
    expect(screen.getByRole('link', { name: 'Download CSV: 13-week cash forecast' }).getAttribute('href')).toContain('/api/kpis/forecast.csv?');
    expect(screen.getByRole('link', { name: 'Download CSV: Collector productivity' }).getAttribute('href')).toContain('/api/kpis/productivity.csv?');
    expect(screen.getByRole('link', { name: 'Download CSV: cei' }).getAttribute('href')).toContain('/api/kpis/cei.csv?');
  });

  it('reloads the figures for the currency, segment and arm picked', async () => {
    const { server, user: person } = renderPage(({ url }) => ({ status: 200, body: dashboardFor(url.searchParams.get('currency') ?? 'EUR') }));
    await screen.findByRole('table', { name: 'Aging buckets' });
    await person.selectOptions(screen.getByLabelText('Currency'), 'USD');
    await person.selectOptions(screen.getByLabelText('Segment'), 'sme');
    await person.selectOptions(screen.getByLabelText('Arm'), 'challenger');
    await screen.findByText(/USD\. Amounts in other currencies/);
    const last = server.calls('GET /api/kpis').at(-1);
    expect(last?.url.searchParams.get('currency')).toBe('USD');
    expect(last?.url.searchParams.get('segment')).toBe('sme');
    expect(last?.url.searchParams.get('arm')).toBe('challenger');
    expect(screen.getByLabelText<HTMLSelectElement>('Strategy version').options).toHaveLength(2);
  });

  it('names the refused filter and retries on request', async () => {
    let fail = true;
    renderPage(() =>
      fail
        ? {
            status: 422,
            body: { error: { code: 'kpi-invalid-filter', message: 'The dashboard filters are not valid.', details: { fields: [{ in: 'query', path: 'from', reason: 'must not be after to' }] } } },
          }
        : { status: 200, body: dashboardFor('EUR') },
    );
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The dashboard filters are not valid.');
    expect(alert.textContent).toContain('from: must not be after to');
    fail = false;
    await userEvent.setup().click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('table', { name: 'Aging buckets' })).toBeTruthy();
  });

  it('says so when the selection holds nothing', async () => {
    const empty = dashboardFor('EUR');
    empty.aging = { ...empty.aging, totalMinor: '0', invoiceCount: 0, buckets: empty.aging.buckets.map((b) => ({ ...b, amountMinor: '0', invoiceCount: 0 })) };
    empty.dso = { ...empty.dso, creditSalesMinor: '0' };
    empty.cei = { ...empty.cei, beginningArMinor: '0' };
    renderPage(() => ({ status: 200, body: empty }));
    expect((await screen.findByText(/No receivables, sales or collections in this selection/)).textContent).toContain('clear a filter');
    expect(screen.queryByRole('table', { name: 'Aging buckets' })).toBeNull();
  });
});
