/**
 * Reading Backstory's card from outside the page. The card's shadow root is
 * closed, so page scripts (and puppeteer's page.evaluate, which runs as one)
 * get `shadowRoot === null`. The test drivers can see closed roots through
 * their protocols, as a developer's inspector does:
 * - Chromium (CDP): DOM.describeNode with pierce lists the host's shadow
 *   root; DOM.resolveNode turns it into an object to call functions on;
 * - Firefox (WebDriver BiDi): script.evaluate serializes the host with
 *   includeShadowTree "all", which names its closed root; script.callFunction
 *   takes that root as an argument.
 * The function runs in the page's main world with the root as its argument,
 * like a page.evaluate that was let in. Its source is sent as text: no named
 * inner functions (see page-probe.ts).
 */
import type { CDPSession, Page } from 'puppeteer-core';

/** Backstory's layer host as the page sees it: a <div> child of <html> with one random data-* attribute. */
const FIND_HOST = `Array.from(document.documentElement.children).find(
  (el) => el.localName === 'div' && el.getAttributeNames().length === 1 && /^data-[a-z]{10}$/.test(el.getAttributeNames()[0]),
) ?? null`;

interface BidiConnection {
  send(method: string, params: object): Promise<{ result: unknown }>;
}

interface BidiRemoteValue {
  type: string;
  value?: unknown;
  sharedId?: string;
}

const cdpSessions = new WeakMap<Page, Promise<CDPSession>>();

function wrap(source: string): string {
  // The argument travels as JSON text, the same way over both protocols.
  return `async function (root, json) { const result = await (${source})(root, json == null ? undefined : JSON.parse(json)); return result === undefined ? 'null' : JSON.stringify(result); }`;
}

async function chromiumCall(page: Page, source: string, arg: unknown): Promise<string | null> {
  let session = cdpSessions.get(page);
  if (!session) cdpSessions.set(page, (session = page.createCDPSession()));
  const cdp = await session;
  // Remote objects belong to the session that made them: find the host in this one.
  const { result: host } = await cdp.send('Runtime.evaluate', { expression: FIND_HOST });
  if (!host.objectId) return null;
  try {
    const { node } = await cdp.send('DOM.describeNode', { objectId: host.objectId, pierce: true, depth: 1 });
    const root = node.shadowRoots?.[0];
    if (!root) return null;
    const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: root.backendNodeId });
    if (!object.objectId) return null;
    try {
      const { result, exceptionDetails } = await cdp.send('Runtime.callFunctionOn', {
        objectId: object.objectId,
        functionDeclaration: `function (arg) { return (${wrap(source)})(this, arg); }`,
        arguments: [{ value: arg === undefined ? null : JSON.stringify(arg) }],
        awaitPromise: true,
        returnByValue: true,
      });
      if (exceptionDetails) throw new Error(`in the page: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
      return result.value as string;
    } finally {
      await cdp.send('Runtime.releaseObject', { objectId: object.objectId }).catch(() => {});
    }
  } finally {
    await cdp.send('Runtime.releaseObject', { objectId: host.objectId }).catch(() => {});
  }
}

async function firefoxCall(page: Page, source: string, arg: unknown): Promise<string | null> {
  const connection = (page.browser() as unknown as { connection: BidiConnection }).connection;
  const context = (page.mainFrame() as unknown as { _id: string })._id;
  const found = (await connection.send('script.evaluate', {
    expression: FIND_HOST,
    target: { context },
    awaitPromise: false,
    resultOwnership: 'none',
    serializationOptions: { maxDomDepth: 0, includeShadowTree: 'all' },
  })) as unknown as { result: { type: string; result?: BidiRemoteValue & { value?: { shadowRoot?: BidiRemoteValue | null } } } };
  const root = found.result.result?.value?.shadowRoot;
  if (found.result.type !== 'success' || !root?.sharedId) return null;
  const called = (await connection.send('script.callFunction', {
    functionDeclaration: wrap(source),
    target: { context },
    arguments: [{ sharedId: root.sharedId }, arg === undefined ? { type: 'null' } : { type: 'string', value: JSON.stringify(arg) }],
    awaitPromise: true,
    resultOwnership: 'none',
  })) as unknown as { result: { type: string; result?: BidiRemoteValue; exceptionDetails?: { text: string } } };
  if (called.result.type !== 'success') throw new Error(`in the page: ${called.result.exceptionDetails?.text}`);
  return called.result.result?.value as string;
}

/** Runs `fn(root, arg)` in the page with Backstory's (closed) layer root; null when there is no layer. `arg` and the result must be JSON. */
export async function onLayerRoot<T, A = undefined>(page: Page, fn: (root: ShadowRoot, arg: A) => T | Promise<T>, arg?: A): Promise<T | null> {
  const source = fn.toString();
  const isFirefox = (await page.browser().version()).toLowerCase().includes('firefox');
  const json = isFirefox ? await firefoxCall(page, source, arg) : await chromiumCall(page, source, arg);
  return json === null || json === undefined ? null : (JSON.parse(json) as T);
}

/** Polls `fn` on the layer root until it returns something truthy. */
export async function waitOnLayerRoot<T, A = undefined>(
  page: Page,
  fn: (root: ShadowRoot, arg: A) => T,
  arg?: A,
  timeout = 5_000,
): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await onLayerRoot(page, fn, arg).catch(() => null);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting on Backstory's card layer`);
    await new Promise((resolve) => setTimeout(resolve, 30));
  }
}
