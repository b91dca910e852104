import { resolve } from 'node:path';
import preact from '@preact/preset-vite';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import { readPeerFile } from './tests/support/peer-data';

/**
 * Two projects:
 * - unit: logic and components in happy-dom, with WXT's fake browser APIs;
 * - browser: behaviour that needs real layout, caret hit-testing or the CSS
 *   highlight registry, in Debian's Chromium (vitest browser mode).
 * The end-to-end suite has its own config (vitest.e2e.config.ts).
 */
type PlaywrightContext = {
  page: {
    emulateMedia(options: Record<string, string>): Promise<void>;
    mouse: { move(x: number, y: number): Promise<void> };
  };
  iframe: { owner(): { boundingBox(): Promise<{ x: number; y: number; width: number } | null> } };
  frame(): Promise<{ evaluate<T>(fn: () => T): Promise<T> }>;
  context: { newCDPSession(page: unknown): Promise<{ send(method: string, params: object): Promise<unknown>; detach(): Promise<void> }> };
};

/** Where a point of the test's frame is on the page the browser shows (the frame may be offset and scaled). */
async function pagePoint(context: PlaywrightContext, x: number, y: number): Promise<{ x: number; y: number }> {
  const box = await context.iframe.owner().boundingBox();
  if (!box) throw new Error('the test frame is not on the page');
  const frameWidth = await (await context.frame()).evaluate(() => window.innerWidth);
  const scale = box.width / frameWidth;
  return { x: box.x + x * scale, y: box.y + y * scale };
}

const chromiumArgs = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];

export default defineConfig({
  // WxtVitest does not read the Vite plugins from wxt.config.ts.
  plugins: [preact()],
  test: {
    projects: [
      {
        extends: true,
        plugins: [WxtVitest()],
        test: {
          name: 'unit',
          environment: 'happy-dom',
          include: ['tests/unit/**/*.test.{ts,tsx}'],
          setupFiles: ['tests/support/setup.ts'],
        },
      },
      {
        extends: true,
        // WxtVitest's virtual setup module cannot be served to a real browser;
        // extension APIs there are WXT's fake browser, aliased in directly.
        resolve: {
          alias: { 'wxt/browser': resolve(import.meta.dirname, 'tests/support/fake-wxt-browser.ts') },
          dedupe: ['preact'],
        },
        // One copy of Preact for components and hooks (two copies break hooks).
        optimizeDeps: { include: ['preact', 'preact/hooks', 'preact/jsx-runtime', 'axe-core', 'approx-string-match'] },
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.{ts,tsx}'],
          setupFiles: ['tests/support/setup.ts'],
          testTimeout: 20_000,
          browser: {
            enabled: true,
            headless: true,
            screenshotFailures: false,
            provider: playwright({
              launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: chromiumArgs },
            }),
            instances: [{ browser: 'chromium', viewport: { width: 1024, height: 768 } }],
            // Server-side helpers the tests call through `commands` (tests/support/browser-commands.d.ts).
            commands: {
              async setColorScheme(ctx, scheme: 'light' | 'dark') {
                await (ctx as unknown as PlaywrightContext).page.emulateMedia({ colorScheme: scheme });
              },
              async setReducedMotion(ctx, reduce: boolean) {
                await (ctx as unknown as PlaywrightContext).page.emulateMedia({ reducedMotion: reduce ? 'reduce' : 'no-preference' });
              },
              // Real (trusted) input: Backstory ignores events a page script dispatches.
              async mouseMove(ctx, x: number, y: number) {
                const context = ctx as unknown as PlaywrightContext;
                const point = await pagePoint(context, x, y);
                await context.page.mouse.move(point.x, point.y);
              },
              async touchTap(ctx, x: number, y: number) {
                const context = ctx as unknown as PlaywrightContext;
                const point = await pagePoint(context, x, y);
                const cdp = await context.context.newCDPSession(context.page);
                await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [point] });
                await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
                await cdp.detach();
              },
              // Hypothesis' anchoring data, read where it lives, never copied into the project.
              async readPeerFile(_ctx, name: string) {
                if (!/^[\w.-]+$/.test(name)) throw new Error(`not a file of the peer data: ${name}`);
                return readPeerFile(name);
              },
            },
          },
        },
      },
    ],
  },
});
