/**
 * Headless Chromium for the benchmark, launched with the end-to-end harness's
 * flags and host rules (lib/node/harness/chromium.ts; see shared/testing-in-browsers.md):
 * the publisher's hosts resolve to the local fixture server, and nothing
 * else in the browser competes for the two cores while a trace is taken.
 */
import puppeteer, { type Browser } from 'puppeteer-core';
import { CHROMIUM_ARGS, hostResolverRules } from '../lib/node/harness/chromium';
import { CHROMIUM_PATH } from '../lib/node/harness/paths';

export { CHROMIUM_PATH };

export interface LaunchOptions {
  /** Port of the local server the publisher's hosts are mapped to. */
  serverPort: number;
  /** Unpacked extension folder to install, if any. */
  extensionDir?: string;
  /** Longest a single DevTools call may take (mark.js on the long page runs for minutes). */
  protocolTimeoutMs?: number;
}

export interface LaunchedBrowser {
  browser: Browser;
  extensionId?: string;
  close(): Promise<void>;
}

export async function launchChromium(options: LaunchOptions): Promise<LaunchedBrowser> {
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    pipe: true,
    enableExtensions: options.extensionDir !== undefined,
    protocolTimeout: options.protocolTimeoutMs ?? 180_000,
    defaultViewport: { width: 1280, height: 800 },
    args: [
      // The end-to-end harness's flags and host mapping (lib/node/harness), so both measure the same browser.
      ...CHROMIUM_ARGS,
      `--host-resolver-rules=${hostResolverRules(options.serverPort)}`,
      '--disable-default-apps',
      // Keep the scheduler from slowing pages it thinks are hidden.
      '--disable-background-timer-throttling',
      '--disable-renderer-backgrounding',
      '--disable-backgrounding-occluded-windows',
    ],
  });
  const extensionId = options.extensionDir ? await browser.installExtension(options.extensionDir) : undefined;
  return { browser, extensionId, close: () => browser.close() };
}

/** Runs `use` with a browser and closes the browser however `use` ends. */
export async function withChromium<T>(options: LaunchOptions, use: (launched: LaunchedBrowser) => Promise<T>): Promise<T> {
  const launched = await launchChromium(options);
  try {
    return await use(launched);
  } finally {
    await launched.close();
  }
}
