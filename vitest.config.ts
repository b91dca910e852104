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
type PlaywrightContext = { page: { emulateMedia(options: Record<string, string>): Promise<void> } };

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
