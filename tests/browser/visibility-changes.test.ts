/**
 * Text the page shows or hides without changing it (a "read more"
 * expander, a collapsed section, a tab): what the reader can see is what is
 * highlighted and counted (red-team review M6).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { type Harness, registered, sleep, startBackstory, waitFor } from '../support/backstory-harness';

let harness: Harness | null = null;
afterEach(() => {
  harness?.page.stop();
  harness = null;
});

const URL = 'https://www.iranintl.com/en/202505010001';

/** Another article of the site: a visible paragraph and the one under test, `extra` (markup around it given). */
function article(extra: string): void {
  const el = document.createElement('article');
  el.innerHTML = `<h1>A story</h1><time datetime="2025-05-01">1 May 2025</time><main>
    <p id="seen">Araghchi met Wang Yi in Beijing.</p>
    ${extra}
  </main>`;
  document.body.replaceChildren(el);
}

const mentionsIn = (el: Element) => registered('entity').filter((r) => el.contains(r.startContainer)).length;
const totalMentions = () => harness!.page.report().entities.reduce((n, e) => n + e.mentions, 0);
const passes = () => performance.getEntriesByName('backstory:annotated').length;

/** The paragraph under test names two entities the visible one does not: Witkoff and Muscat. */
const NAMES = 'Witkoff flew to Muscat.';

describe('rendering changes refresh the annotation (real Chromium)', () => {
  const cases: { name: string; hiddenMarkup: string; show(el: HTMLElement): void; hide(el: HTMLElement): void }[] = [
    {
      name: 'the hidden attribute',
      hiddenMarkup: `<p id="later" hidden>${NAMES}</p>`,
      show: (el) => el.removeAttribute('hidden'),
      hide: (el) => el.setAttribute('hidden', ''),
    },
    {
      name: 'an inline display: none',
      hiddenMarkup: `<p id="later" style="display: none">${NAMES}</p>`,
      show: (el) => (el.style.display = ''),
      hide: (el) => (el.style.display = 'none'),
    },
    {
      name: 'aria-hidden',
      hiddenMarkup: `<p id="later" aria-hidden="true">${NAMES}</p>`,
      show: (el) => el.setAttribute('aria-hidden', 'false'),
      hide: (el) => el.setAttribute('aria-hidden', 'true'),
    },
    {
      name: 'a <details> opened and closed',
      hiddenMarkup: `<details id="box"><summary>More</summary><p id="later">${NAMES}</p></details>`,
      show: () => ((document.getElementById('box') as HTMLDetailsElement).open = true),
      hide: () => ((document.getElementById('box') as HTMLDetailsElement).open = false),
    },
  ];

  for (const c of cases) {
    it(`shown, then hidden again, through ${c.name}`, async () => {
      article(c.hiddenMarkup);
      harness = await startBackstory({ load: false, url: URL });
      const later = document.getElementById('later')!;
      const seen = document.getElementById('seen')!;
      expect(mentionsIn(seen)).toBe(3);
      expect(totalMentions()).toBe(3);
      expect(mentionsIn(later)).toBe(0);

      c.show(later);
      await waitFor(() => mentionsIn(later) === 2, 3000);
      expect(totalMentions()).toBe(5);
      expect(mentionsIn(seen)).toBe(3);

      c.hide(later);
      await waitFor(() => totalMentions() === 3, 3000);
      expect(mentionsIn(later)).toBe(0);
      expect(mentionsIn(seen)).toBe(3);
    });
  }

  it('does not re-annotate for style changes that show or hide nothing', async () => {
    article(`<p id="later">${NAMES}</p>`);
    harness = await startBackstory({ load: false, url: URL });
    const later = document.getElementById('later')!;
    const before = passes();
    for (let i = 0; i < 5; i++) {
      later.style.color = i % 2 ? 'red' : 'blue';
      later.setAttribute('aria-hidden', 'false');
      later.className = `tick-${i}`;
      await sleep(20);
    }
    await sleep(300);
    expect(passes()).toBe(before);
    expect(mentionsIn(later)).toBe(2);
  });

  it('refreshes when an ancestor inside the article hides several paragraphs at once', async () => {
    article(`<section id="box"><p id="later">${NAMES}</p><p>Araghchi again.</p></section>`);
    harness = await startBackstory({ load: false, url: URL });
    expect(totalMentions()).toBe(6);
    document.getElementById('box')!.hidden = true;
    await waitFor(() => totalMentions() === 3, 3000);
  });
});
