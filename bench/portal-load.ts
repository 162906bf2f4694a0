/// <reference lib="dom" />
// How fast the debtor portal opens on a mid-range phone: a debtor with 12 open invoices and a year of payments
// opens the link from a reminder in headless Chromium with a phone's screen, the CPU slowed four times and a slow
// mobile network (150 ms latency, 1.6 Mbit/s down, 750 kbit/s up). Every load is cold: a fresh browser context with
// no cache and no cookie, from the link through its redirect to the rendered account page.
// Prints, over the runs: time to first byte of the page, DOMContentLoaded, first contentful paint, load, and the
// bytes that crossed the network.
// Run: sh scripts/pnpm.sh run bench:portal
import { signPortalToken, portalLinkUrl } from '@recoup/workflows';
import { addPortalDebtor } from '../packages/api/test/support/portal-debtors.ts';
import { launchChromium } from '../test/support/browser.ts';
import { printWorkerResults, startBenchStack } from './bench-stack.ts';

const RUNS = 7;
const INVOICES = 12;
const DAY = 86_400_000;
const NETWORK = { offline: false, latency: 150, downloadThroughput: (1.6e6 / 8) | 0, uploadThroughput: (750e3 / 8) | 0 };
const CPU_SLOWDOWN = 4;

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;

interface LoadFigures {
  ttfb: number;
  domContentLoaded: number;
  firstContentfulPaint: number;
  load: number;
  bytes: number;
}

const bench = await startBenchStack();
const browser = await launchChromium();
try {
  const now = Date.now();
  const invoices = Array.from({ length: INVOICES }, (_, n) => ({
    number: `PB-${1000 + n}`,
    amountMinor: BigInt(10_000 + n * 7_919),
    dueDate: new Date(now - (60 - n * 10) * DAY).toISOString().slice(0, 10),
  }));
  const debtor = await addPortalDebtor(bench.stack.orm, 'PORTAL-BENCH-1', 'Portal Bench Handels GmbH', { name: 'Petra Bench', email: 'petra@bench.example' }, invoices);
  const secret = bench.stack.config.portal.linkSecret;
  if (!secret) throw new Error('the stack runs without a portal link secret');
  const link = portalLinkUrl(bench.stack.apiUrl, signPortalToken(secret, 'link', { ...debtor, expiresAt: new Date(now + 7 * DAY) }));

  const runs: LoadFigures[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    const context = await browser.newContext({ viewport: { width: 393, height: 851 }, deviceScaleFactor: 2.75, isMobile: true, hasTouch: true, locale: 'de-DE' });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', NETWORK);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    let bytes = 0;
    cdp.on('Network.loadingFinished', (event: { encodedDataLength: number }) => {
      bytes += event.encodedDataLength;
    });
    await page.goto(link, { waitUntil: 'load' });
    if (!page.url().endsWith('/portal')) throw new Error(`the link did not open the portal: ${page.url()}`);
    const figures = await page.evaluate(() => {
      const [nav] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
      const paint = performance.getEntriesByName('first-contentful-paint')[0];
      return {
        ttfb: nav?.responseStart ?? 0,
        domContentLoaded: nav?.domContentLoadedEventEnd ?? 0,
        firstContentfulPaint: paint?.startTime ?? 0,
        load: nav?.loadEventEnd ?? 0,
      };
    });
    runs.push({ ...figures, bytes });
    await context.close();
  }

  const line = (label: string, values: number[], unit: string) => {
    const sorted = [...values].sort((a, b) => a - b);
    console.log(`${label.padEnd(34)} median ${quantile(sorted, 0.5).toFixed(0).padStart(6)} ${unit}   p95 ${quantile(sorted, 0.95).toFixed(0).padStart(6)} ${unit}`);
  };
  console.log(`\nportal first load, ${RUNS} cold runs, phone 393x851, CPU ×${CPU_SLOWDOWN}, ${NETWORK.latency} ms latency, 1.6 Mbit/s down, ${INVOICES} open invoices`);
  console.log('(times from opening the link, through its redirect, to the account page)');
  line('time to first byte of the page', runs.map((r) => r.ttfb), 'ms');
  line('first contentful paint', runs.map((r) => r.firstContentfulPaint), 'ms');
  line('DOMContentLoaded', runs.map((r) => r.domContentLoaded), 'ms');
  line('load', runs.map((r) => r.load), 'ms');
  line('bytes over the network', runs.map((r) => r.bytes), 'B');
  printWorkerResults(bench);
} finally {
  await browser.close();
  await bench.stop();
}
