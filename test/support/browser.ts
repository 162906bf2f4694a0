import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium, which scripts/install-chromium.sh installs; CHROMIUM_PATH points elsewhere. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// Headless on a machine without a display or outside network: no sandbox (containers run as root), no GPU, and
// none of Chromium's own background connections, which a closed network would refuse one by one.
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

/** Starts Chromium with a fresh profile (Playwright gives each launch its own empty user data directory). */
export const launchChromium = (): Promise<Browser> =>
  chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });

/** Where a browser test keeps its screenshots: test-artifacts/browser/<suite>/. */
export function artifactDir(suite: string): string {
  const dir = join(process.cwd(), 'test-artifacts', 'browser', suite);
  mkdirSync(dir, { recursive: true });
  return dir;
}

export async function signIn(page: Page, baseUrl: string, email: string, path = '/'): Promise<void> {
  await page.goto(`${baseUrl}${path}`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('demo-password');
  await page.getByRole('button', { name: /sign in/i }).click();
  await page.getByRole('banner').getByText(/Signed in as/).waitFor();
}

/** Collects what the page logs as errors, so a test can show them when it fails. */
export function watchPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  return errors;
}

export interface OpenedPage {
  context: BrowserContext;
  page: Page;
  /** What the page logged as errors so far (see watchPageErrors). */
  errors: string[];
}

/** A page in a fresh context (its own cookies, so its own session), watched for errors. */
export async function openPage(browser: Browser, options: { width?: number; acceptDownloads?: boolean } = {}): Promise<OpenedPage> {
  const context = await browser.newContext({ viewport: { width: options.width ?? 1400, height: 1000 }, acceptDownloads: options.acceptDownloads ?? false });
  const page = await context.newPage();
  return { context, page, errors: watchPageErrors(page) };
}
