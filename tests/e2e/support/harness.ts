/**
 * One browser with Backstory installed, the fixture server its publisher
 * hosts map to, and the catch-all server for every other host: what each
 * end-to-end suite starts in beforeAll and stops in afterAll.
 */
import { startFixtureServer, type FixtureServer } from '../../../lib/node/harness/fixture-server';
import type { BrowserName, BrowserSession } from '../../../lib/node/harness/browser-session';
import { startCatchAllServer, type CatchAllServer } from './catch-all-server';
import { launchChromium, type ChromiumSession } from '../../../lib/node/harness/chromium';
import { launchFirefox, type FirefoxSession } from '../../../lib/node/harness/firefox';
import { CHROMIUM_BUILD, FIREFOX_BUILD } from '../../../lib/node/harness/paths';

export interface Harness<S extends BrowserSession = BrowserSession> {
  session: S;
  server: FixtureServer;
  catchAll: CatchAllServer;
  stop(): Promise<void>;
}

export interface HarnessOptions {
  /** Firefox only: chrome-scope access for the toolbar popup (see firefox-chrome-scope.ts). */
  privileged?: boolean;
}

async function start<S extends BrowserSession>(launch: (serverPort: number, catchAllPort: number) => Promise<S>): Promise<Harness<S>> {
  const server = await startFixtureServer();
  const catchAll = await startCatchAllServer();
  try {
    const session = await launch(server.port, catchAll.port);
    return {
      session,
      server,
      catchAll,
      stop: async () => {
        await session.close();
        await Promise.all([server.close(), catchAll.close()]);
      },
    };
  } catch (error) {
    await Promise.all([server.close(), catchAll.close()]);
    throw error;
  }
}

export function startChromium(): Promise<Harness<ChromiumSession>> {
  return start((serverPort, catchAllPort) => launchChromium({ serverPort, catchAllPort, extensionDir: CHROMIUM_BUILD }));
}

export function startFirefox(options: HarnessOptions = {}): Promise<Harness<FirefoxSession>> {
  return start((serverPort, catchAllPort) =>
    launchFirefox({ serverPort, catchAllPort, extensionDir: FIREFOX_BUILD, privileged: options.privileged }),
  );
}

export function startHarness(name: BrowserName, options: HarnessOptions = {}): Promise<Harness> {
  return name === 'chromium' ? startChromium() : startFirefox(options);
}
