import { describe, expect, it } from '@jest/globals';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { SimulationDay } from '@recoup/contracts';
import { TimelineChart } from '../../src/strategies/panels/timeline-chart.tsx';

const day = (n: number, reminders: number, tasks: number, escalations: number, settlements: number): SimulationDay => ({
  day: n,
  date: `2025-04-0${n}`,
  reminders,
  tasks,
  escalations,
  settlements,
});

// Day 1 is the busiest with 8 actions; day 2 has none; day 3 has one of each.
const days = [day(1, 4, 2, 0, 2), day(2, 0, 0, 0, 0), day(3, 1, 1, 1, 1)];

const heightsOf = (container: HTMLElement, series: string) =>
  [...container.querySelectorAll(`.recharts-bar.${series} .recharts-bar-rectangle path`)].map((bar) => Number(bar.getAttribute('height')));

describe('the simulation timeline', () => {
  it('stacks each day’s actions by kind, its busiest day full height, under an accessible name', () => {
    const { container } = render(<TimelineChart days={days} />);
    const chart = screen.getByRole('img', { name: 'Actions per day over 3 days; the busiest day is day 1 with 8' });
    expect(screen.getByTestId('simulation-timeline')).toBe(chart);

    // A kind a day has none of draws nothing, and a day without actions draws no bar at all.
    const reminders = heightsOf(container, 'chart__bar--reminders');
    const tasks = heightsOf(container, 'chart__bar--tasks');
    const escalations = heightsOf(container, 'chart__bar--escalations');
    const settlements = heightsOf(container, 'chart__bar--settlements');
    expect([reminders.length, tasks.length, escalations.length, settlements.length]).toEqual([2, 2, 1, 2]);
    const day1 = (reminders[0] ?? 0) + (tasks[0] ?? 0) + (settlements[0] ?? 0);
    const day3 = (reminders[1] ?? 0) + (tasks[1] ?? 0) + (escalations[0] ?? 0) + (settlements[1] ?? 0);
    expect((reminders[0] ?? 0) / day1).toBeCloseTo(0.5, 2);
    expect(day3 / day1).toBeCloseTo(0.5, 2);

    const ticks = [...container.querySelectorAll('.recharts-cartesian-axis-tick-value')].map((tick) => tick.textContent);
    expect(ticks).toEqual(['d1', 'd2', 'd3']);
    expect(container.querySelector('.chart__legend')?.textContent).toContain('peak 8/day');
  });

  it('labels about six days on a long simulation', () => {
    const long = Array.from({ length: 90 }, (_, i) => ({ ...day(1, 1, 0, 0, 0), day: i + 1 }));
    const { container } = render(<TimelineChart days={long} />);
    const ticks = [...container.querySelectorAll('.recharts-cartesian-axis-tick-value')].map((tick) => tick.textContent);
    expect(ticks).toEqual(['d1', 'd16', 'd31', 'd46', 'd61', 'd76']);
  });

  it('gives a day’s figures in its tooltip', async () => {
    const { container } = render(<TimelineChart days={days} />);
    // jsdom lays nothing out, so the pointer's client position is its position in the chart: over the third day.
    fireEvent.mouseMove(container.querySelector('.recharts-wrapper')!, { clientX: 330, clientY: 100 });
    await waitFor(() => expect(container.querySelector('.recharts-tooltip-label')?.textContent).toBe('Day 3 (2025-04-03)'));
    const items = [...container.querySelectorAll('.recharts-tooltip-item')].map((item) => item.textContent);
    expect(items).toEqual(['Reminders : 1', 'Tasks : 1', 'Escalations : 1', 'Settlements : 1']);
  });

  it('shows an empty simulation without failing', () => {
    render(<TimelineChart days={[]} />);
    expect(screen.getByRole('img', { name: 'Actions per day over 0 days; the busiest day is day 0 with 1' })).toBeTruthy();
  });
});
