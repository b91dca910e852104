/**
 * The benchmark's floor: the least a content script can do to put the same
 * highlights on the article, measured in the same run and the same way as
 * Backstory (bench/floor-extension.ts packs it; never shipped).
 *
 * It does the minimum of Backstory's job and no more: the same two settings
 * reads, the first `<article>`, every text node's text searched for every
 * surface form with `indexOf`, one live Range per hit, one registered
 * Highlight, painted by Backstory's own stylesheet. No word boundaries,
 * case rules, dates, normalisation, note anchoring, hit-testing, keyboard
 * path or card: what it costs is what any script pays on this machine to
 * start in a fresh world, touch the DOM and register highlights, so
 * Backstory's figure minus this one is what Backstory's own work costs.
 *
 * A standalone classic script (no imports), transpiled by TypeScript as it is.
 */
void (async () => {
  performance.mark('backstory:start');
  interface StorageArea {
    get(key: string): Promise<Record<string, unknown>>;
  }
  interface Data {
    formIndex: { forms: { texts: string[] } };
  }
  const world = globalThis as unknown as { chrome: { storage: { sync: StorageArea; local: StorageArea } }; __BACKSTORY_DATA__: Data };
  await Promise.all([world.chrome.storage.sync.get('settings'), world.chrome.storage.local.get('pagesOff')]);
  const root = document.querySelector('article');
  if (!root) return;
  const forms = world.__BACKSTORY_DATA__.formIndex.forms.texts;
  const ranges: Range[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const text = node.data;
    for (const form of forms) {
      for (let at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + form.length)) {
        const range = new Range();
        range.setStart(node, at);
        range.setEnd(node, at + form.length);
        ranges.push(range);
      }
    }
  }
  CSS.highlights.set('backstory-entity', new Highlight(...ranges));
  performance.mark('backstory:annotated', { detail: { mentions: ranges.length } });
})();
