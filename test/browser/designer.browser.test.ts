import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { artifactDir, launchChromium, openPage, signIn } from '../support/browser.ts';
import { launchSystem, type LaunchedSystem } from '../support/launched-system.ts';

// A manager builds a strategy from nothing in real Chromium against the system the README's first command starts:
// drag and drop from the palette, connect typed exits, follow a problem from the problems panel to its node and
// fix it, publish, simulate 500 accounts, and export and re-import the strategy. Each step leaves a screenshot in
// test-artifacts/browser/designer/.

const shots = artifactDir('designer');

describe('the strategy designer in Chromium', () => {
  let system: LaunchedSystem;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let exported = '';

  const shot = (name: string) => page.screenshot({ path: join(shots, `${name}.png`) });
  const node = (id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);
  const exit = (id: string, handle: string) => node(id).locator(`.react-flow__handle.source[data-handleid="${handle}"]`);
  // The canvas draws only the nodes in view, and its view shrinks whenever the problems panel below it grows, so
  // the nodes it draws are not the drawing's nodes. The overview draws every node of the drawing.
  const overviewNodes = '.react-flow__minimap .react-flow__minimap-node';

  /**
   * Waits until exactly `count` elements match. A key press is handled at once, but what it changes is drawn a
   * frame or more later on a busy machine, so reading the page straight after the press can see the frame before.
   */
  async function waitForCount(selector: string, count: number) {
    try {
      // An expression, because this file is compiled without the DOM's types; the page evaluates it every frame.
      await page.waitForFunction(`document.querySelectorAll(${JSON.stringify(selector)}).length === ${count}`);
    } catch (error) {
      const found = await page.locator(selector).count();
      throw new Error(`expected ${count} of ${selector} but found ${found}`, { cause: error });
    }
  }

  /** Selects the node by clicking it, and waits until it alone is selected and the keyboard is on it. */
  async function selectOnly(id: string) {
    await node(id).click();
    await page.locator(`.react-flow__node.selected[data-id="${id}"]:focus`).waitFor({ state: 'attached' });
    await waitForCount(`${overviewNodes}.selected`, 1);
  }

  /** Clicks the empty canvas, and waits until nothing is selected. */
  async function selectNothing() {
    await page.locator('.react-flow__pane').click({ position: { x: 900, y: 60 } });
    await waitForCount(`${overviewNodes}.selected`, 0);
  }

  /** Drags a palette item onto the canvas, the pointer ending at (x, y) inside the canvas. */
  async function dropFromPalette(kind: string, x: number, y: number) {
    await page.locator(`.palette__item[data-kind="${kind}"]`).dragTo(page.locator('.react-flow__pane'), { targetPosition: { x, y } });
  }

  /**
   * Waits until the canvas has stopped moving: focusing a node pans to it in an animation, and a drag measured
   * while the view still moves ends beside its target. Settled means the same transform over 150 ms.
   */
  async function viewportSettled() {
    const viewport = page.locator('.react-flow__viewport');
    let last = await viewport.getAttribute('style');
    for (let same = 0; same < 3; ) {
      await page.waitForTimeout(50);
      const now = await viewport.getAttribute('style');
      same = now === last ? same + 1 : 0;
      last = now;
    }
  }

  /** Draws an edge by dragging from a node's exit to another node's input. */
  async function connect(source: string, handle: string, target: string) {
    await viewportSettled();
    const from = await exit(source, handle).boundingBox();
    const to = await node(target).locator('.react-flow__handle.target').boundingBox();
    if (!from || !to) throw new Error(`cannot see ${source}:${handle} or ${target}`);
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 12 });
    await page.mouse.up();
    await page.locator(`.react-flow__edge[data-id="${source}:${handle}"]`).waitFor({ state: 'attached' });
  }

  async function exportStrategy(): Promise<string> {
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export JSON' }).click();
    const path = await (await download).path();
    return readFileSync(path, 'utf8');
  }

  /**
   * The drawing's edges as the editor holds them. The canvas draws only what is in view, and a drag near its edge
   * pans the view, so counting drawn edges can miss one that exists.
   */
  const edgesInDrawing = async () => (JSON.parse(await exportStrategy()) as { graph: { edges: unknown[] } }).graph.edges.length;

  beforeAll(async () => {
    system = await launchSystem();
    browser = await launchChromium();
    ({ context, page, errors } = await openPage(browser, { width: 1600, acceptDownloads: true }));
  }, 240_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await system?.stop();
  }, 60_000);

  it('lets a manager build a strategy of seven nodes from scratch by drag and drop', async () => {
    await signIn(page, system.apiUrl, 'manager@recoup.local', '/strategies');
    await page.getByLabel('Name').fill('Built in the browser');
    await page.getByRole('button', { name: 'Create and open' }).click();
    await page.locator('.react-flow__pane').waitFor();
    await expect(page.locator('.react-flow__node').count()).resolves.toBe(0);

    await dropFromPalette('start', 360, 10);
    await dropFromPalette('wait', 360, 130);
    await dropFromPalette('reminder', 360, 250);
    await dropFromPalette('condition', 360, 370);
    await dropFromPalette('end', 80, 520);
    await dropFromPalette('escalate', 620, 500);
    await dropFromPalette('end', 620, 630);
    await waitForCount(overviewNodes, 7);

    await connect('start-1', 'next', 'wait-1');
    await connect('wait-1', 'next', 'reminder-1');
    await connect('reminder-1', 'next', 'condition-1');
    await connect('condition-1', 'yes', 'end-1');
    await connect('escalate-1', 'next', 'end-2');
    await expect(edgesInDrawing()).resolves.toBe(5);
    await shot('01-built-by-drag-and-drop');
  });

  it('refuses a connection the exits do not allow', async () => {
    // The condition's yes exit is taken already, and nothing may lead into a start node.
    const before = await edgesInDrawing();
    const from = await exit('condition-1', 'yes').boundingBox();
    const to = await node('start-1').boundingBox();
    await page.mouse.move(from!.x + from!.width / 2, from!.y + from!.height / 2);
    await page.mouse.down();
    await page.mouse.move(to!.x + to!.width / 2, to!.y + 5, { steps: 8 });
    await page.mouse.up();
    await expect(edgesInDrawing()).resolves.toBe(before);
  });

  it('shows the unconnected exit as a problem, focuses its node when clicked, and clears it when fixed', async () => {
    const problem = page.locator('.problems__item', { hasText: 'missing-handle' }).filter({ hasText: 'condition-1' });
    await expect(problem.count()).resolves.toBe(1);
    await expect(node('condition-1').locator('.flow-node--invalid').count()).resolves.toBe(1);
    await shot('02-problem-listed');

    await page.locator('.react-flow__pane').click({ position: { x: 900, y: 60 } });
    await problem.click();
    await expect(node('condition-1').getAttribute('class')).resolves.toContain('selected');
    await expect(page.locator('.settings__title').textContent()).resolves.toContain('Condition');
    await shot('03-problem-focused');

    await connect('condition-1', 'no', 'escalate-1');
    await page.getByText('No problems: this strategy can be published.').waitFor();
    await expect(page.locator('.flow-node--invalid').count()).resolves.toBe(0);
    await shot('04-problem-fixed');
  });

  it('publishes the strategy, which the server validates', async () => {
    await page.getByRole('button', { name: 'Publish' }).click();
    await page.getByText(/Published version 1\./).waitFor();
    await expect(page.locator('.editor__state').textContent()).resolves.toContain('latest published v1');
    await shot('05-published');
  });

  it('simulates 500 accounts on the published version and shows the timeline and one account’s path', async () => {
    await page.getByRole('tab', { name: 'Simulate' }).click();
    await page.getByLabel('Strategy', { exact: true }).selectOption({ label: 'Published v1' });
    await expect(page.getByLabel('Accounts to generate').inputValue()).resolves.toBe('500');
    await page.getByRole('button', { name: 'Run simulation' }).click();
    await page.getByText('500 accounts over 90 days').waitFor({ timeout: 60_000 });
    const timeline = page.getByTestId('simulation-timeline');
    // Recharts draws each stacked bar segment as a path inside a bar rectangle; the clip path's rect is always there.
    await expect(timeline.locator('.recharts-bar-rectangle path').count()).resolves.toBeGreaterThan(0);
    const reminders = Number(await page.locator('.simulation__totals div', { hasText: 'Reminders' }).locator('dd').textContent());
    expect(reminders).toBeGreaterThan(0);

    await page.locator('.simulation__samples button').first().click();
    await expect(node('start-1').locator('.flow-node--on-path').count()).resolves.toBe(1);
    await expect(node('wait-1').locator('.flow-node--on-path').count()).resolves.toBe(1);
    await shot('06-simulated');
  });

  it('exports the strategy and re-imports it identically', async () => {
    exported = await exportStrategy();
    const file = JSON.parse(exported) as { name: string; graph: { nodes: unknown[]; edges: unknown[] } };
    expect(file.name).toBe('Built in the browser');
    expect(file.graph.nodes).toHaveLength(7);
    expect(file.graph.edges).toHaveLength(6);

    // Change the drawing so the import has something to restore: delete two nodes.
    await page.getByRole('tab', { name: 'Settings' }).click();
    await selectOnly('end-2');
    await page.keyboard.press('Delete');
    await node('end-2').waitFor({ state: 'detached' });
    await selectOnly('escalate-1');
    await page.keyboard.press('Delete');
    await node('escalate-1').waitFor({ state: 'detached' });
    await waitForCount(overviewNodes, 5);
    await shot('07-changed-before-import');

    const exportedPath = join(shots, 'exported.strategy.json');
    await import('node:fs').then((fs) => fs.writeFileSync(exportedPath, exported));
    await page.setInputFiles('input[aria-label="Strategy file to import"]', exportedPath);
    await page.getByText(/Imported exported\.strategy\.json/).waitFor();
    await waitForCount(overviewNodes, 7);
    await expect(exportStrategy()).resolves.toBe(exported);
    await shot('08-reimported');
  });

  it('copies, pastes, undoes and redoes with the keyboard', async () => {
    await selectNothing();
    await page.keyboard.press('Control+a');
    await waitForCount(`${overviewNodes}.selected`, 7);
    await selectNothing();
    await selectOnly('reminder-1');
    // Copying leaves nothing on the page to wait for; the key is handled before the press returns.
    await page.keyboard.press('Control+c');
    await page.keyboard.press('Control+v');
    await page.locator('.react-flow__node.selected[data-id="reminder-2"]').waitFor({ state: 'attached' });
    await waitForCount(overviewNodes, 8);
    await waitForCount(`${overviewNodes}.selected`, 1);
    await page.keyboard.press('Control+z');
    await node('reminder-2').waitFor({ state: 'detached' });
    await waitForCount(overviewNodes, 7);
    await page.keyboard.press('Control+Shift+z');
    // Delete below takes the selection, so the redone paste must be selected again, and alone.
    await page.locator('.react-flow__node.selected[data-id="reminder-2"]').waitFor({ state: 'attached' });
    await waitForCount(overviewNodes, 8);
    await waitForCount(`${overviewNodes}.selected`, 1);
    await page.keyboard.press('Delete');
    await node('reminder-2').waitFor({ state: 'detached' });
    await waitForCount(overviewNodes, 7);
    await shot('09-keyboard');
  });

  it('raised no errors in the page', () => {
    expect(errors.filter((error) => !/status of 401/.test(error))).toEqual([]);
  });

  it('shows a collector the strategy read-only', async () => {
    const collectorContext = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
    const collector = await collectorContext.newPage();
    try {
      await signIn(collector, system.apiUrl, 'collector1@recoup.local', '/strategies');
      await collector.getByRole('link', { name: 'Built in the browser' }).click();
      await collector.locator('.react-flow__node').first().waitFor();
      await expect(collector.getByText('Read only').count()).resolves.toBe(1);
      await expect(collector.locator('.palette').count()).resolves.toBe(0);
      await expect(collector.getByRole('button', { name: 'Publish' }).count()).resolves.toBe(0);
      await collector.locator('.react-flow__node[data-id="wait-1"]').click();
      await expect(collector.getByLabel('Days').getAttribute('readonly')).resolves.not.toBeNull();
      await collector.screenshot({ path: join(shots, '10-collector-read-only.png') });
    } finally {
      await collectorContext.close();
    }
  });
});
