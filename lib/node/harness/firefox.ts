/**
 * Debian's Firefox ESR driven by puppeteer-core over WebDriver BiDi, with the
 * MV2 build installed through BiDi's webExtension.install. Every host name
 * resolves to 127.0.0.1 (network.dns.forceResolve), so pages load from
 * http://www.iranintl.com:PORT/...; hosts other than the mapped ones go
 * through a proxy, the catch-all server.
 */
import puppeteer, { type Browser } from 'puppeteer-core';
import { BrowserSession, type LaunchOptions } from './browser-session';
import { ChromeScope } from './firefox-chrome-scope';
import { ARTICLE_HOST, MAPPED_HOSTS } from './hosts';
import { FIREFOX_PATH } from './paths';
import { TrafficLog } from './traffic-log';

export interface FirefoxLaunchOptions extends LaunchOptions {
  /**
   * Allow privileged (chrome) scripts over BiDi and run extension pages in
   * the parent process, so the harness can open the real toolbar popup and
   * read its document (see firefox-chrome-scope.ts). Content scripts, the
   * part readers see on the page, run in the content process either way.
   */
  privileged?: boolean;
}

function proxyPrefs(catchAllPort: number | undefined): Record<string, unknown> {
  if (catchAllPort === undefined) return {};
  return {
    'network.proxy.type': 1,
    'network.proxy.share_proxy_settings': false,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': catchAllPort,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': catchAllPort,
    'network.proxy.no_proxies_on': MAPPED_HOSTS.join(', '),
  };
}

export class FirefoxSession extends BrowserSession {
  readonly name = 'firefox' as const;
  /** Privileged access to the browser window, when launched with `privileged`. */
  chrome: ChromeScope | null = null;

  constructor(
    browser: Browser,
    extensionId: string,
    traffic: TrafficLog,
    private readonly serverPort: number,
  ) {
    super(browser, extensionId, traffic);
  }

  url(path: string, host = ARTICLE_HOST): string {
    return `http://${host}:${this.serverPort}${path}`;
  }

  /** Privileged access, or a clear failure for a session launched without it. */
  privileged(): ChromeScope {
    if (!this.chrome) throw new Error('launch Firefox with { privileged: true } to reach its chrome scope');
    return this.chrome;
  }
}

export async function launchFirefox(options: FirefoxLaunchOptions): Promise<FirefoxSession> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: options.headless ?? true,
    args: options.privileged ? ['--remote-allow-system-access'] : [],
    extraPrefsFirefox: {
      'network.dns.forceResolve': '127.0.0.1',
      ...proxyPrefs(options.catchAllPort),
      ...(options.privileged ? { 'extensions.webextensions.remote': false } : {}),
    },
  });
  try {
    const extensionId = await browser.installExtension(options.extensionDir);
    const session = new FirefoxSession(browser, extensionId, new TrafficLog(), options.serverPort);
    if (options.privileged) session.chrome = await ChromeScope.connect(browser, extensionId);
    return session;
  } catch (error) {
    await browser.close();
    throw error;
  }
}
