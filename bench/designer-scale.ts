/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// How the strategy designer copes with a large strategy, measured in Debian's Chromium (headless, software
// rendering) against the embedded stack serving the built web app:
//   - time to first render: from navigation to the moment every node of a 150-node strategy is drawn and measured
//     (cold: first visit; warm: the same page again, with the scripts cached);
//   - frame time while dragging one node, and while dragging all 150 at once, sampled with requestAnimationFrame.
// Run: sh scripts/pnpm.sh --filter @recoup/designer run build && sh scripts/pnpm.sh run bench:designer
import { validateStrategy, type StrategyGraphInput } from '@recoup/domain';
import type { Page } from 'playwright-core';
import { ApiSession } from '../test/support/api-session.ts';
import { launchChromium, signIn } from '../test/support/browser.ts';
import { printWorkerResults, startBenchStack } from './bench-stack.ts';

const BLOCKS = 37; // 4 nodes each, plus a start and a final end: 150 nodes
const BLOCKS_PER_COLUMN = 5;
const DRAG_STEPS = 120;

/** Blocks of wait → reminder → condition (yes: end, no: next block), laid out in columns. */
function largeStrategy(): StrategyGraphInput {
  const nodes: StrategyGraphInput['nodes'] = [{ id: 'start', type: 'start', position: { x: 0, y: -140 }, data: {} }];
  const edges: StrategyGraphInput['edges'] = [];
  let previous = { id: 'start', handle: 'next' };
  for (let b = 0; b < BLOCKS; b += 1) {
    const x = Math.floor(b / BLOCKS_PER_COLUMN) * 520;
    const y = (b % BLOCKS_PER_COLUMN) * 420;
    const ids = { wait: `wait-${b}`, remind: `remind-${b}`, check: `check-${b}`, end: `paid-${b}` };
    nodes.push(
      { id: ids.wait, type: 'wait', position: { x, y }, label: `Wait ${b + 3} days`, data: { mode: 'duration', days: b + 3 } },
      { id: ids.remind, type: 'reminder', position: { x, y: y + 130 }, label: `Reminder ${b + 1}`, data: { channel: 'email', template: 'overdue-7' } },
      {
        id: ids.check,
        type: 'condition',
        position: { x, y: y + 260 },
        label: `Still owes after reminder ${b + 1}?`,
        data: { condition: { all: [{ fact: 'overdueAmountMinor', operator: 'greaterThan', value: 0 }] } },
      },
      { id: ids.end, type: 'end', position: { x: x + 250, y: y + 260 }, data: { outcome: 'settled' } },
    );
    edges.push(
      { id: `${previous.id}:${previous.handle}`, source: previous.id, target: ids.wait, sourceHandle: previous.handle },
      { id: `${ids.wait}:next`, source: ids.wait, target: ids.remind, sourceHandle: 'next' },
      { id: `${ids.remind}:next`, source: ids.remind, target: ids.check, sourceHandle: 'next' },
      { id: `${ids.check}:no`, source: ids.check, target: ids.end, sourceHandle: 'no' },
    );
    previous = { id: ids.check, handle: 'yes' };
  }
  nodes.push({ id: 'agency', type: 'end', position: { x: 8 * 520, y: 0 }, data: { outcome: 'agency' } });
  edges.push({ id: `${previous.id}:yes`, source: previous.id, target: 'agency', sourceHandle: 'yes' });
  return { schemaVersion: 1, nodes, edges };
}

/** Opens the editor and returns the milliseconds from navigation start until every node is drawn and measured. */
async function timeToFirstRender(page: Page, url: string, count: number): Promise<number> {
  await page.goto(url);
  await page.waitForFunction(
    (expected) => {
      const nodes = [...document.querySelectorAll<HTMLElement>('.react-flow__node')];
      return nodes.length === expected && nodes.every((node) => node.style.visibility !== 'hidden');
    },
    count,
    { timeout: 60_000, polling: 'raf' },
  );
  return page.evaluate(() => performance.now());
}

interface FrameStats {
  frames: number;
  /** Tasks over 50 ms on the page's main thread during the drag. */
  longTasks: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
}

/** Drags from one point to another in small steps while sampling the time between animation frames. */
async function dragFrames(page: Page, from: { x: number; y: number }, to: { x: number; y: number }): Promise<FrameStats> {
  await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __sampling: boolean };
    w.__frames = [];
    w.__sampling = true;
    const l = window as unknown as { __longTasks: number };
    l.__longTasks = 0;
    new PerformanceObserver((list) => {
      l.__longTasks += list.getEntries().length;
    }).observe({ type: 'longtask' });
    const tick = (t: number) => {
      w.__frames.push(t);
      if (w.__sampling) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: DRAG_STEPS });
  await page.mouse.up();
  const stamps = await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __sampling: boolean };
    w.__sampling = false;
    return { frames: w.__frames, longTasks: (window as unknown as { __longTasks: number }).__longTasks };
  });
  const deltas = stamps.frames.slice(1).map((t, i) => t - stamps.frames[i]!).sort((a, b) => a - b);
  const at = (q: number) => deltas[Math.min(deltas.length - 1, Math.floor(q * deltas.length))] ?? 0;
  return { frames: deltas.length, longTasks: stamps.longTasks, medianMs: at(0.5), p95Ms: at(0.95), maxMs: deltas.at(-1) ?? 0 };
}

const fmt = (stats: FrameStats) =>
  `median ${stats.medianMs.toFixed(1)} ms, p95 ${stats.p95Ms.toFixed(1)} ms, max ${stats.maxMs.toFixed(1)} ms over ${stats.frames} frames (≈${(1000 / stats.medianMs).toFixed(0)} fps), ${stats.longTasks} long task(s)`;

const graph = largeStrategy();
const check = validateStrategy(graph);
if (!check.ok) throw new Error(`The benchmark strategy is not valid: ${JSON.stringify(check.problems.slice(0, 3))}`);

const bench = await startBenchStack();
const browser = await launchChromium();
try {
  const api = await ApiSession.login(bench.stack.apiUrl, 'manager@recoup.local', 'demo-password');
  const created = await api.request('POST', '/api/strategies', { name: '150-node benchmark', draft: graph });
  if (created.status !== 201) throw new Error(`Creating the strategy failed: ${created.status} ${JSON.stringify(created.body)}`);
  const url = `${bench.stack.apiUrl}/strategies/${(created.body as { id: string }).id}`;

  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  const page = await context.newPage();
  await signIn(page, bench.stack.apiUrl, 'manager@recoup.local', '/strategies');
  const cold = await timeToFirstRender(page, url, graph.nodes.length);
  const warm: number[] = [];
  for (let i = 0; i < 5; i += 1) warm.push(await timeToFirstRender(page, url, graph.nodes.length));
  warm.sort((a, b) => a - b);

  const box = await page.locator('.react-flow__node[data-id="remind-7"]').boundingBox();
  if (!box) throw new Error('cannot see node remind-7');
  const centre = { x: box.x + box.width / 2, y: box.y + 10 };
  const single = await dragFrames(page, centre, { x: centre.x + 300, y: centre.y + 150 });
  const after = await page.locator('.react-flow__node[data-id="remind-7"]').boundingBox();
  // The figures mean nothing unless the node really followed the pointer.
  if (!after || Math.abs(after.x - box.x - 300) > 25 || Math.abs(after.y - box.y - 150) > 25) {
    throw new Error(`the dragged node did not follow the pointer: ${JSON.stringify({ before: box, after })}`);
  }

  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+a');
  const selectedCount = await page.locator('.react-flow__node.selected').count();
  if (selectedCount !== graph.nodes.length) throw new Error(`expected all ${graph.nodes.length} nodes selected, saw ${selectedCount}`);
  const moved = await page.locator('.react-flow__node[data-id="remind-7"]').boundingBox();
  const all = await dragFrames(page, { x: moved!.x + moved!.width / 2, y: moved!.y + 10 }, { x: moved!.x - 200, y: moved!.y + 100 });

  console.log(`\nDesigner scale: a strategy of ${graph.nodes.length} nodes and ${graph.edges.length} edges, viewport 1600×1000, headless Chromium`);
  console.log(`  time to first render (all nodes drawn): cold ${cold.toFixed(0)} ms, warm median ${warm[2]!.toFixed(0)} ms (min ${warm[0]!.toFixed(0)}, max ${warm[4]!.toFixed(0)})`);
  console.log(`  frame time dragging one node:       ${fmt(single)}`);
  console.log(`  frame time dragging all ${graph.nodes.length} nodes:  ${fmt(all)}`);
  await context.close();
} finally {
  await browser.close();
  printWorkerResults(bench);
  await bench.stop();
}
