import { describe, expect, it } from '@jest/globals';
import { render, screen } from '@testing-library/react';
import type { AgingBlock, ForecastBlock } from '@recoup/contracts';
import { AgingChart } from '../../src/dashboards/aging-chart.tsx';
import { ForecastChart } from '../../src/dashboards/forecast-chart.tsx';

const aging: AgingBlock = {
  asOf: '2025-03-31',
  totalMinor: '120000',
  invoiceCount: 4,
  buckets: [
    { key: 'current', label: 'Current', fromDays: null, toDays: 0, amountMinor: '20000', invoiceCount: 1 },
    { key: '1-30', label: '1–30 days', fromDays: 1, toDays: 30, amountMinor: '0', invoiceCount: 0 },
    { key: '90+', label: 'Over 90 days', fromDays: 91, toDays: null, amountMinor: '100000', invoiceCount: 3 },
  ],
};

describe('the aging chart', () => {
  it('draws one labelled bar per bucket, the largest full length, beside the exact figures', () => {
    const { container } = render(<AgingChart aging={aging} currency="EUR" />);
    expect(screen.getByRole('img', { name: 'Open receivables per aging bucket on 2025-03-31' })).toBeTruthy();
    const bars = [...container.querySelectorAll('.recharts-bar-rectangle path')];
    expect(bars).toHaveLength(3);
    const widths = bars.map((bar) => Number(bar.getAttribute('width')));
    // 20,000 is a fifth of 100,000; an empty bucket still shows a sliver.
    expect(widths[2]).toBeGreaterThan(0);
    expect((widths[0] ?? 0) / (widths[2] ?? 1)).toBeCloseTo(0.2, 1);
    expect(widths[1]).toBeGreaterThanOrEqual(1);
    const ticks = [...container.querySelectorAll('.recharts-cartesian-axis-tick-value')].map((tick) => tick.textContent);
    expect(ticks).toEqual(['Current', '1–30 days', 'Over 90 days']);
    expect(screen.getByRole('table', { name: 'Aging buckets' }).textContent).toContain('1,000.00');
  });

  it('stacks each week of the forecast by source, its tallest week full height', () => {
    const week = (n: number, promisesMinor: string, plansMinor: string, invoicesMinor: string, totalMinor: string) => ({
      week: n,
      startDate: '2025-03-31',
      endDate: '2025-04-06',
      promisesMinor,
      plansMinor,
      predictedMinor: '0',
      invoicesMinor,
      totalMinor,
    });
    const forecast: ForecastBlock = {
      startDate: '2025-03-31',
      historyFrom: '2024-12-30',
      totalMinor: '60000',
      rates: [],
      prediction: null,
      weeks: [week(1, '10000', '10000', '20000', '40000'), week(2, '0', '0', '20000', '20000')],
    };
    const { container } = render(<ForecastChart forecast={forecast} currency="EUR" />);
    expect(screen.getByRole('img', { name: /Expected collections per week from 2025-03-31, .*600\.00 in all/ })).toBeTruthy();
    const heightOf = (series: string) =>
      [...container.querySelectorAll(`.${series} .recharts-bar-rectangle path`)].map((bar) => Number(bar.getAttribute('height')));
    const invoices = heightOf('kpi-forecast__invoices');
    expect(invoices).toHaveLength(2);
    // Week 1's invoices are half of its total (the tallest week); week 2's are half of week 1 as well.
    const promises = heightOf('kpi-forecast__promises');
    const plans = heightOf('kpi-forecast__plans');
    const week1 = (promises[0] ?? 0) + (plans[0] ?? 0) + (invoices[0] ?? 0);
    expect((invoices[0] ?? 0) / week1).toBeCloseTo(0.5, 1);
    expect((invoices[1] ?? 0) / week1).toBeCloseTo(0.5, 1);
    expect([...container.querySelectorAll('.recharts-cartesian-axis-tick-value')].map((tick) => tick.textContent)).toEqual(['1', '2']);
  });
});
