/**
 * Privileged ("chrome") scripts in Firefox's browser window, over WebDriver
 * BiDi. This is the harness's route to the real toolbar popup in Firefox:
 *
 * - BiDi refuses to navigate a tab to a moz-extension:// URL, so no
 *   extension page can be opened to call browser.browserAction.openPopup();
 * - Firefox started with --remote-allow-system-access lets BiDi evaluate
 *   scripts in the browser window (browsingContext.getTree with
 *   "moz:scope": "chrome");
 * - there, the extension's browser action object runs triggerAction(), the
 *   code path of a click on Backstory's toolbar button;
 * - the popup is a <browser> in a panel, not a BiDi browsing context; with
 *   extensions.webextensions.remote = false it lives in the parent process,
 *   so chrome code can read its document and click its controls (clicks
 *   from chrome code are trusted events) and draw it into a PNG.
 *
 * Scripts are sent as source text: they run in Firefox, not in Node.
 */
import type { Browser } from 'puppeteer-core';

interface BidiConnection {
  send(method: string, params: object): Promise<{ result: unknown }>;
}

interface EvaluateResult {
  type: 'success' | 'exception';
  result?: { type: string; value?: unknown };
  exceptionDetails?: { text: string };
}

/** Finds the extension's browser action in chrome code (`id` is substituted as a JSON string). */
const BROWSER_ACTION = `
  const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
  const extension = ExtensionParent.GlobalManager.getExtension(EXTENSION_ID);
  const action = ExtensionParent.apiManager.global.browserActionFor(extension);
`;

/** The popup's <browser> element, its window and document, or a thrown error. */
const POPUP = `
  const popupBrowser = document.querySelector('browser.webextension-popup-browser');
  if (!popupBrowser || !popupBrowser.contentDocument) throw new Error('the toolbar popup is not open');
  const popupWindow = popupBrowser.contentWindow;
  const popupDocument = popupBrowser.contentDocument;
`;

export class ChromeScope {
  private constructor(
    private readonly connection: BidiConnection,
    private readonly context: string,
    private readonly extensionId: string,
  ) {}

  static async connect(browser: Browser, extensionId: string): Promise<ChromeScope> {
    // puppeteer-core does not expose chrome-scope contexts; its BiDi connection does.
    const connection = (browser as unknown as { connection: BidiConnection }).connection;
    const { result } = await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
    const contexts = (result as { contexts: { context: string; url: string }[] }).contexts;
    const main = contexts.find((c) => c.url === 'chrome://browser/content/browser.xhtml');
    if (!main) throw new Error('no Firefox browser window in chrome scope (was --remote-allow-system-access given?)');
    return new ChromeScope(connection, main.context, extensionId);
  }

  /** Runs `body` (an async function body) in the browser window; returns its JSON-able result. */
  async run<T>(body: string): Promise<T> {
    const source = body.replaceAll('EXTENSION_ID', JSON.stringify(this.extensionId));
    const expression = `(async () => { ${source} })().then((value) => JSON.stringify(value ?? null))`;
    const { result } = await this.connection.send('script.evaluate', {
      expression,
      target: { context: this.context },
      awaitPromise: true,
    });
    const evaluated = result as EvaluateResult;
    if (evaluated.type === 'exception') throw new Error(`chrome script failed: ${evaluated.exceptionDetails?.text}`);
    return JSON.parse(String(evaluated.result?.value)) as T;
  }

  /** Clicks Backstory's toolbar button (its browser action) and waits for the popup to render. */
  async openToolbarPopup(): Promise<void> {
    await this.run(`
      ${BROWSER_ACTION}
      action.triggerAction(window);
      for (let i = 0; i < 100; i++) {
        const popupBrowser = document.querySelector('browser.webextension-popup-browser');
        if (popupBrowser?.contentDocument?.querySelector('main.popup')) return true;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error('the toolbar popup did not render within 10 s');
    `);
  }

  /** Runs `body` with popupWindow and popupDocument in scope. */
  inPopup<T>(body: string): Promise<T> {
    return this.run<T>(`${POPUP}\n${body}`);
  }

  /** Clicks the popup control matched by `selector` whose text includes `text`; returns its text. */
  clickInPopup(selector: string, text = ''): Promise<string> {
    return this.inPopup<string>(`
      const wanted = ${JSON.stringify(text)};
      const control = [...popupDocument.querySelectorAll(${JSON.stringify(selector)})]
        .find((el) => (el.closest('label') ?? el).textContent.includes(wanted));
      if (!control) throw new Error('no control ' + ${JSON.stringify(selector)} + ' with text ' + wanted);
      control.scrollIntoView({ block: 'center' });
      control.click();
      return (control.closest('label') ?? control).textContent.trim();
    `);
  }

  /** The popup as a PNG, drawn by Firefox's compositor. */
  async popupScreenshot(): Promise<Buffer> {
    return pngFromDataUrl(await this.inPopup<string>(snapshotScript('popupBrowser')));
  }

  /**
   * Asks the active tab's content script for its PageReport, through the
   * popup's own extension API (the request the popup itself makes).
   */
  pageReport<T>(): Promise<T> {
    return this.inPopup<T>(`
      const api = popupWindow.wrappedJSObject.browser;
      const [tab] = await api.tabs.query(Cu.cloneInto({ active: true, currentWindow: true }, popupWindow));
      const report = await api.tabs.sendMessage(tab.id, Cu.cloneInto({ type: 'backstory:get-report' }, popupWindow));
      return JSON.parse(JSON.stringify(report));
    `);
  }
}

/**
 * Chrome-scope script that draws what `browser` (a <browser> element in
 * chrome code) shows, with Firefox's compositor, and returns a PNG data URL.
 */
export function snapshotScript(browser: string): string {
  return `
    const bitmap = await ${browser}.browsingContext.currentWindowGlobal.drawSnapshot(null, 1, 'white');
    const canvas = document.createElementNS('http://www.w3.org/1999/xhtml', 'canvas');
    canvas.width = bitmap.width;
    canvas.height = bitmap.height;
    canvas.getContext('2d').drawImage(bitmap, 0, 0);
    return canvas.toDataURL('image/png');
  `;
}

export function pngFromDataUrl(dataUrl: string): Buffer {
  return Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64');
}
