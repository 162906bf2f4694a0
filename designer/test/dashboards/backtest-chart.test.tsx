import { afterEach, describe, expect, it } from '@jest/globals';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { BacktestBlock, ForecastBlock } from '@recoup/contracts';
import { BacktestChart, backtestSummary } from '../../src/dashboards/backtest-chart.tsx';
import { ForecastChart } from '../../src/dashboards/forecast-chart.tsx';

afterEach(cleanup);

// Three past dates; the largest figure is the due-date forecast of 2025-05-05 (40,000). Nothing was collected after
// 2025-05-19, so that date has no error and no bar.
const backtest: BacktestBlock = {
  modelId: 'm-1',
  currency: 'EUR',
  horizonWeeks: 4,
  origins: [
    { originDate: '2025-05-05', invoices: 12, forecastMinor: '22000', dueDateForecastMinor: '40000', collectedMinor: '20000', errorPercent: 10, dueDateErrorPercent: 100 },
    { originDate: '2025-05-12', invoices: 10, forecastMinor: '9000', dueDateForecastMinor: '30000', collectedMinor: '10000', errorPercent: -10, dueDateErrorPercent: 200 },
    { originDate: '2025-05-19', invoices: 2, forecastMinor: '1000', dueDateForecastMinor: '1000', collectedMinor: '0', errorPercent: null, dueDateErrorPercent: null },
  ],
  meanAbsolutePercentError: 10,
  dueDateMeanAbsolutePercentError: 150,
};

const heightsOf = (container: HTMLElement, series: string) =>
  [...container.querySelectorAll(`.${series} .recharts-bar-rectangle path`)].map((bar) => Number(bar.getAttribute('height')));

describe('the forecast backtest chart', () => {
  it('draws what was collected as bars and both forecasts as lines, under an accessible name', () => {
    const { container } = render(<BacktestChart backtest={backtest} currency="EUR" />);
    expect(screen.getByRole('img', { name: 'Forecast against collected at 3 past dates from 2025-05-05 to 2025-05-19' })).toBe(screen.getByTestId('backtest-chart'));

    // A date where nothing was collected draws no bar; 10,000 is half of 20,000.
    const collected = heightsOf(container, 'kpi-backtest__collected');
    expect(collected).toHaveLength(2);
    expect((collected[1] ?? 0) / (collected[0] ?? 1)).toBeCloseTo(0.5, 2);

    // Each line goes through every date.
    for (const series of ['kpi-backtest__forecast', 'kpi-backtest__due-date']) {
      const curve = container.querySelector(`.${series} .recharts-line-curve`);
      expect(curve?.getAttribute('d')).toMatch(/^M[\d.,\s-]+(L[\d.,\s-]+){2}$/);
    }
    const legend = within(screen.getByRole('list', { name: 'Backtest series' }));
    expect(legend.getByText('Collected')).toBeTruthy();
    expect(legend.getByText('Forecast (model)')).toBeTruthy();
    expect(legend.getByText('Forecast (due dates)')).toBeTruthy();
  });

  it('gives the mean absolute percentage errors in words and the figures per date', () => {
    render(<BacktestChart backtest={backtest} currency="EUR" />);
    expect(screen.getByTestId('backtest-summary').textContent).toBe(
      'Over 3 past dates, the model’s forecast of the next 4 weeks was off by 10.0 % on average (mean absolute percentage error); forecasting by due dates was off by 150.0 %. The model was closer.',
    );
    const table = screen.getByRole('table', { name: 'Backtest per date' });
    const row = within(table).getByRole('row', { name: /2025-05-12/ });
    expect(row.textContent).toContain('€100.00');
    expect(row.textContent).toContain('-10.0 %');
    expect(row.textContent).toContain('+200.0 %');
    expect(within(table).getByRole('row', { name: /2025-05-19/ }).textContent).toContain('n/a');
  });

  it('shows a date’s figures and errors in its tooltip', async () => {
    const { container } = render(<BacktestChart backtest={backtest} currency="EUR" />);
    // jsdom lays nothing out, so the pointer's client position is its position in the chart: over the first date.
    fireEvent.mouseMove(container.querySelector('.recharts-wrapper')!, { clientX: 40, clientY: 100 });
    await waitFor(() => expect(container.querySelector('.recharts-tooltip-label')?.textContent).toBe('2025-05-05: 12 open invoice(s), the next 4 weeks'));
    const items = [...container.querySelectorAll('.recharts-tooltip-item')].map((item) => item.textContent);
    expect(items).toEqual(['Collected : €200.00', 'Forecast (model) : €220.00 (+10.0 %)', 'Forecast (due dates) : €400.00 (+100.0 %)']);
  });

  it('explains that the backtest comes with the first trained model, and when a currency has none', () => {
    const { container, rerender } = render(<BacktestChart backtest={null} currency="EUR" />);
    expect(container.textContent).toContain('It appears after the first payment model is trained');
    expect(container.querySelector('.recharts-wrapper')).toBeNull();
    rerender(<BacktestChart backtest={{ ...backtest, origins: [], meanAbsolutePercentError: null, dueDateMeanAbsolutePercentError: null }} currency="USD" />);
    expect(container.textContent).toContain('no dates with invoices in USD');
  });

  it('says when no error can be given', () => {
    expect(backtestSummary({ ...backtest, origins: backtest.origins.slice(2), meanAbsolutePercentError: null, dueDateMeanAbsolutePercentError: null })).toBe(
      'Over 1 past date, nothing was collected within 4 weeks on the invoices open then, so no forecast error can be given.',
    );
  });
});

describe('the cash forecast with predicted payment dates', () => {
  const week = (n: number, predictedMinor: string, invoicesMinor: string) => ({
    week: n,
    startDate: '2025-06-02',
    endDate: '2025-06-08',
    promisesMinor: '0',
    plansMinor: '0',
    predictedMinor,
    invoicesMinor,
    totalMinor: (BigInt(predictedMinor) + BigInt(invoicesMinor)).toString(),
  });
  const forecast: ForecastBlock = {
    startDate: '2025-06-02',
    historyFrom: '2025-03-03',
    totalMinor: '40000',
    rates: [],
    prediction: { modelId: 'm-1', asOf: '2025-06-01', invoices: 7, openMinor: '45000' },
    weeks: [week(1, '30000', '0'), week(2, '0', '10000')],
  };

  it('stacks the predicted part as its own series with a legend, and says how many invoices it placed', () => {
    const { container } = render(<ForecastChart forecast={forecast} currency="EUR" />);
    const predicted = heightsOf(container, 'kpi-forecast__predicted');
    const invoices = heightsOf(container, 'kpi-forecast__invoices');
    expect(predicted).toHaveLength(1);
    expect(invoices).toHaveLength(1);
    expect((invoices[0] ?? 0) / (predicted[0] ?? 1)).toBeCloseTo(1 / 3, 2);
    expect(within(screen.getByRole('list', { name: 'Forecast sources' })).getByText('Invoices (predicted date)')).toBeTruthy();
    expect(screen.getByTestId('forecast-prediction-note').textContent).toBe(
      '7 invoices placed on their predicted payment dates (model of 2025-06-01); the rest by due date and historical collection rates.',
    );
    expect(within(screen.getByRole('table', { name: 'Forecast per week' })).getByRole('row', { name: /^1 / }).textContent).toContain('€300.00');
  });

  it('leaves the predicted series and the note out when no prediction was used', () => {
    render(<ForecastChart forecast={{ ...forecast, prediction: null, weeks: [week(1, '0', '10000')] }} currency="EUR" />);
    expect(within(screen.getByRole('list', { name: 'Forecast sources' })).queryByText('Invoices (predicted date)')).toBeNull();
    expect(screen.queryByTestId('forecast-prediction-note')).toBeNull();
  });
});
