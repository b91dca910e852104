import { render } from 'preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import PrintPage from '../../components/PrintPage';
import type { TextQuoteSelector } from '../../lib/shared/annotations/types';
import { buildArticleText } from '../../lib/content/article-text-from-index';
import type { ContentRequest } from '../../lib/shared/messages';
import { findArticleRoot } from '../../lib/content/page/find-article-root';
import { isArticleText, type ArticleText } from '../../lib/shared/article-text';
import { exportHtml, fileNameFor } from '../../lib/extension/print/html-export';
import { escapeMarkdown, printMarkdown } from '../../lib/extension/print/markdown';
import { buildPrintModel } from '../../lib/extension/print/print-model';
import { isPrintRecords, printRecords } from '../../lib/extension/print/print-records';
import { pageRecords } from '../../lib/shared/analysis/page-records';
import { normalizeText } from '../../lib/shared/text/normalize';
import { buildTextIndex } from '../../lib/content/text-index';
import { pageTimeline } from '../../lib/extension/timeline/page-timeline';
import { givenBackground } from '../support/fake-background';
import { annotationSet, article, loadArticlePage, note } from '../support/bundled-data';
import { articleReport } from '../support/page-report';

/** The article text as the content script would answer, from the page copy, every note placed. */
function pageArticleText(): ArticleText {
  const doc = loadArticlePage();
  const index = buildTextIndex(findArticleRoot(doc, article.headline)!);
  const passages = article.notes.flatMap((id) =>
    note(id).targets.map((target) => {
      const quote = target.selector[0] as TextQuoteSelector;
      const context = normalizeText((quote.prefix ?? '') + quote.exact + (quote.suffix ?? ''));
      const start = index.text.indexOf(context) + normalizeText(quote.prefix ?? '').length;
      return { id, start, end: start + normalizeText(quote.exact).length };
    }),
  );
  return buildArticleText(index, article.headline, article.url, passages.sort((a, b) => a.start - b.start));
}

const allPlaced = () => articleReport({ notes: articleReport().notes.map((n) => ({ ...n, placed: true })) });

describe('the article text the content script answers', () => {
  const text = pageArticleText();

  it('gives the paragraphs as the page shows them, and each note’s passage inside its paragraph', () => {
    expect(text.headline).toBe(article.headline);
    expect(text.paragraphs.length).toBeGreaterThan(10);
    expect(text.paragraphs.some((p) => p.kind === 'heading')).toBe(true);
    expect(text.paragraphs.some((p) => p.kind === 'caption')).toBe(true);
    expect(text.paragraphs.every((p) => p.text === p.text.trim() && p.text.length > 0)).toBe(true);
    expect(new Set(text.anchors.map((a) => a.noteId))).toEqual(new Set(article.notes));
    for (const anchor of text.anchors) {
      const quotes = note(anchor.noteId).targets.map((target) => normalizeText((target.selector[0] as TextQuoteSelector).exact));
      expect(quotes).toContain(text.paragraphs[anchor.paragraph].text.slice(anchor.start, anchor.end));
    }
    expect(isArticleText(text)).toBe(true);
  });

  it('is checked at the receiving end: bad shapes, offsets past a paragraph or odd ids are refused', () => {
    const good = pageArticleText();
    const broken = [
      null,
      'text',
      { ...good, paragraphs: 'x' },
      { ...good, paragraphs: [{ kind: 'script', text: 'x' }] },
      { ...good, anchors: [{ noteId: 'x', paragraph: 0, start: 0, end: 10_000 }] },
      { ...good, anchors: [{ noteId: 'x', paragraph: 999, start: 0, end: 1 }] },
      { ...good, anchors: [{ noteId: '<img src=x>', paragraph: 0, start: 0, end: 1 }] },
      { ...good, anchors: [{ noteId: 'x', paragraph: 0, start: 2, end: 2 }] },
      { ...good, headline: 42 },
    ];
    for (const value of broken) expect(isArticleText(value)).toBe(false);
  });
});

describe('the print model', () => {
  it('numbers notes in the order of their first passage, with a marker right after each passage', () => {
    const text = pageArticleText();
    const model = buildPrintModel(text, allPlaced(), annotationSet);
    const order = [...text.anchors].sort((a, b) => a.paragraph - b.paragraph || a.end - b.end);
    expect(model.endnotes.map((e) => e.note.id)).toEqual([...new Set(order.map((a) => a.noteId))]);
    expect(model.endnotes.map((e) => e.n)).toEqual(model.endnotes.map((_, i) => i + 1));
    const first = order[0];
    const parts = model.paragraphs[first.paragraph].parts;
    const marker = parts.findIndex((p) => 'ref' in p);
    expect(parts[marker]).toMatchObject({ ref: 1, refId: 'ref-1-1' });
    expect(parts.slice(0, marker).map((p) => ('text' in p ? p.text : '')).join('')).toBe(
      text.paragraphs[first.paragraph].text.slice(0, first.end),
    );
    expect(model.unplaced).toEqual([]);
  });

  it('lists a note that could not be placed apart, never in a paragraph', () => {
    const text = pageArticleText();
    const orphan = article.notes[0];
    const withoutIt = { ...text, anchors: text.anchors.filter((a) => a.noteId !== orphan) };
    const model = buildPrintModel(withoutIt, articleReport(), annotationSet);
    expect(model.unplaced.map((n) => n.id)).toEqual([orphan]);
    expect(model.endnotes.map((e) => e.note.id)).not.toContain(orphan);
    expect(model.paragraphs.flatMap((p) => p.parts).filter((p) => 'ref' in p && p.noteId === orphan)).toEqual([]);
  });

  it('glosses the entities found on the page, A to Z', () => {
    const model = buildPrintModel(pageArticleText(), articleReport(), annotationSet);
    expect(model.glossary.map((g) => g.name)).toEqual(['Ali Khamenei', "Chinese 'teapot' refineries", 'Iran', 'Xi Jinping']);
  });
});

describe('the print records the background sends', () => {
  const report = allPlaced();
  const ids = { entityIds: report.entities.map((e) => e.id), noteIds: report.notes.map((n) => n.id) };

  it('print the same page as the whole set: every endnote with all its sources, every glossary entry', () => {
    const text = pageArticleText();
    const records = printRecords(annotationSet, ids.entityIds, ids.noteIds);
    expect(buildPrintModel(text, report, records)).toEqual(buildPrintModel(text, report, annotationSet));
    expect(isPrintRecords(records)).toBe(true);
  });

  it('leave out what the print page never shows: dated facts, the entities’ roles, the notes’ anchors, and sources only those cite', () => {
    const records = printRecords(annotationSet, ids.entityIds, ids.noteIds);
    expect(records.entities.every((e) => !('facts' in e) && !('roles' in e) && !('surfaceForms' in e))).toBe(true);
    expect(records.notes.length).toBe(ids.noteIds.length);
    expect(records.notes.every((n) => !('facts' in n) && !('targets' in n) && !('entities' in n))).toBe(true);
    const whole = pageRecords(annotationSet, ids.entityIds, ids.noteIds);
    expect(records.sources.length).toBeLessThan(whole.sources.length);
    expect(JSON.stringify(records).length).toBeLessThan(JSON.stringify(whole).length);
  });

  it('are checked at the receiving end', () => {
    const good = printRecords(annotationSet, ids.entityIds, ids.noteIds);
    const [entity] = good.entities;
    for (const bad of [null, [], { ...good, notes: 'x' }, { ...good, entities: [{ ...entity, description: 1 }] }, { ...good, sources: [{}] }]) {
      expect(isPrintRecords(bad)).toBe(false);
    }
  });
});

describe('Markdown and HTML export', () => {
  const text = pageArticleText();
  const report = allPlaced();
  const model = buildPrintModel(text, report, annotationSet);
  const timeline = pageTimeline(annotationSet, report);

  it('escapes text so Markdown syntax in the data stays text', () => {
    expect(escapeMarkdown('A [link](x) *bold* <b>')).toBe('A \\[link\\](x) \\*bold\\* \\<b\\>');
    expect(escapeMarkdown('# not a heading')).toBe('\\# not a heading');
    expect(escapeMarkdown('1. not a list')).toBe('1\\. not a list');
  });

  it('writes the article with footnote markers and the endnotes in order, then glossary and timeline', () => {
    const md = printMarkdown(model, timeline.items, timeline.markDay);
    expect(md.startsWith(`# ${escapeMarkdown(article.headline)}\n`)).toBe(true);
    expect(md).toContain(`<${article.url}>`);
    const definitions = [...md.matchAll(/^\[\^(\d+)\]: \*\*(.+?)\.\*\*/gm)].map((m) => [Number(m[1]), m[2]]);
    expect(definitions).toEqual(model.endnotes.map((e) => [e.n, escapeMarkdown(e.note.title)]));
    const firstUse = [...md.matchAll(/\[\^(\d+)\](?!:)/g)].map((m) => Number(m[1]));
    expect([...new Set(firstUse)]).toEqual(model.endnotes.map((e) => e.n));
    expect(md.indexOf('## Glossary')).toBeLessThan(md.indexOf('## Timeline'));
    expect(md).toContain('**This article, 22 April 2025**');
    expect(md).toContain('### Since this article');
    expect(md).toMatch(/\]\(<https:\/\/[^>]+>\)/);
  });

  it('saves a self-contained file: text as text, no script, no control, nothing it may fetch', () => {
    const hostile = { ...model, headline: 'Headline <script>alert(1)</script>' };
    const root = document.createElement('div');
    document.body.append(root);
    render(
      <div class="print-page">
        <div data-no-export>
          <button type="button">Print</button>
        </div>
        <article class="print-doc">
          <h1>{hostile.headline}</h1>
          <p>
            Text<sup>1</sup>
          </p>
        </article>
      </div>,
      root,
    );
    const html = exportHtml(root.querySelector('.print-doc')!, 'body { color: black }', hostile.headline, 'en');
    const saved = new DOMParser().parseFromString(html, 'text/html');
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(saved.querySelectorAll('script')).toHaveLength(0);
    expect(saved.querySelector('h1')!.textContent).toBe('Headline <script>alert(1)</script>');
    expect(saved.title).toBe(hostile.headline);
    expect(saved.querySelector('button')).toBeNull();
    expect(saved.querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute('content')).toBe(
      "default-src 'none'; style-src 'unsafe-inline'; img-src data:",
    );
    expect(saved.querySelector('style')!.textContent).toBe('body { color: black }');
    expect(saved.documentElement.lang).toBe('en');
  });

  it('names the file after the headline', () => {
    expect(fileNameFor('Khamenei’s letter: "Iran & China" (2025)', 'html')).toBe('khamenei-s-letter-iran-china-2025-backstory.html');
    expect(fileNameFor('<>', 'md')).toBe('article-backstory.md');
  });
});

describe('the print page', () => {
  beforeEach(() => {
    vi.restoreAllMocks();
    givenBackground();
  });

  function givenTab(answers: { report: unknown; text: unknown }) {
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation((async (_tab: number, message: ContentRequest) =>
      message.type === 'backstory:get-report' ? answers.report : message.type === 'backstory:get-article-text' ? answers.text : true) as never);
  }

  async function mountPage(tabId: number | null = 5) {
    const el = document.createElement('div');
    document.body.append(el);
    render(<PrintPage tabId={tabId} css="" />, el);
    await vi.waitFor(() => expect(el.textContent).not.toContain('Reading the article'), { timeout: 3000 });
    return el;
  }

  it('shows the article, numbered notes, the unplaced note apart, key points, glossary and timeline', async () => {
    const text = pageArticleText();
    const orphan = article.notes[0];
    givenTab({ report: articleReport(), text: { ...text, anchors: text.anchors.filter((a) => a.noteId !== orphan) } });
    const el = await mountPage();
    await vi.waitFor(() => expect(el.querySelector('.print-timeline')).not.toBeNull());
    expect(el.querySelector('h1')!.textContent).toBe(article.headline);
    expect(el.querySelector('.print-address a')!.getAttribute('href')).toBe(article.url);
    const refs = Array.from(el.querySelectorAll('.print-text sup a'), (a) => a.textContent);
    expect([...new Set(refs)]).toEqual(Array.from(el.querySelectorAll('[data-testid="endnotes"] > li'), (_, i) => String(i + 1)));
    expect(el.querySelector('[data-testid="unplaced"]')!.textContent).toContain(note(orphan).title);
    expect(Array.from(el.querySelectorAll('.print-doc h2'), (h) => h.textContent)).toEqual([
      'Key points',
      'Notes',
      'Notes that could not be placed',
      'Glossary',
      'Timeline',
    ]);
    const links = Array.from(el.querySelectorAll<HTMLAnchorElement>('.endnote__sources a'));
    expect(links.length).toBeGreaterThan(0);
    expect(links.every((a) => a.href.startsWith('https://') && a.rel === 'noopener noreferrer')).toBe(true);
    expect(el.querySelector('[role="toolbar"] button')!.textContent).toBe('Print');
  });

  it('asks the background for the records and the timeline of what the tab said it found together with the tab, and again with the report’s ids only when they differ', async () => {
    const report = articleReport();
    const ids = { entityIds: report.entities.map((e) => e.id), noteIds: report.notes.map((n) => n.id) };
    for (const [found, expected] of [
      [ids, []],
      [{ ...ids, entityIds: ids.entityIds.slice(1) }, [{ type: 'backstory:print-records', ...ids }, { type: 'backstory:timeline', ...ids }]],
    ] as const) {
      vi.restoreAllMocks();
      const received = givenBackground({ found: { 5: found } });
      givenTab({ report, text: pageArticleText() });
      const el = await mountPage();
      await vi.waitFor(() => expect(el.querySelector('.print-timeline .tl-item')).not.toBeNull());
      expect(received).toEqual([
        { type: 'backstory:for-tab', tabId: 5, want: 'print-records' },
        { type: 'backstory:for-tab', tabId: 5, want: 'timeline' },
        ...expected,
      ]);
      expect(el.querySelectorAll('[data-testid="endnotes"] > li').length).toBeGreaterThan(0);
      render(null, el);
    }
  });

  it('puts the article and its endnotes on screen first, the glossary and the timeline in the step after', async () => {
    givenTab({ report: allPlaced(), text: pageArticleText() });
    const el = document.createElement('div');
    document.body.append(el);
    const seen: Record<string, string[]> = {};
    const sections = () => Array.from(el.querySelectorAll('.print-doc h2'), (h) => h.textContent ?? '');
    render(<PrintPage tabId={5} css="" onRendered={() => (seen.first = sections())} onComplete={() => (seen.complete = sections())} />, el);
    await vi.waitFor(() => expect(seen.complete).toBeDefined(), { timeout: 3000 });
    expect(seen.first).toEqual(['Key points', 'Notes']);
    expect(seen.complete).toEqual(['Key points', 'Notes', 'Glossary', 'Timeline']);
  });

  it('saves the whole page, timeline included, when Save is clicked before the second step', async () => {
    givenTab({ report: allPlaced(), text: pageArticleText() });
    const saved: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => (saved.push(blob as Blob), 'blob:saved'));
    const el = document.createElement('div');
    document.body.append(el);
    const clickSave = () =>
      Array.from(el.querySelectorAll<HTMLButtonElement>('[role="toolbar"] button')).find((b) => b.textContent === 'Save as HTML')!.click();
    render(<PrintPage tabId={5} css="" onRendered={clickSave} />, el);
    await vi.waitFor(() => expect(saved).toHaveLength(1), { timeout: 3000 });
    const html = await saved[0].text();
    expect(html).toContain('<h2 id="print-glossary">Glossary</h2>');
    expect(html).toContain('<h2 id="print-timeline">Timeline</h2>');
    expect(el.querySelector('[role="status"]')!.textContent).toMatch(/^Saved as .*-backstory\.html/);
  });

  it('copies Markdown to the clipboard and says so', async () => {
    givenTab({ report: allPlaced(), text: pageArticleText() });
    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const el = await mountPage();
    Array.from(el.querySelectorAll<HTMLButtonElement>('[role="toolbar"] button')).find((b) => b.textContent === 'Copy as Markdown')!.click();
    await vi.waitFor(() => expect(el.querySelector('[role="status"]')!.textContent).toBe('Copied as Markdown.'));
    expect(writeText.mock.calls[0][0]).toContain(`# ${escapeMarkdown(article.headline)}`);
  });

  it('refuses a malformed answer from the tab rather than print it', async () => {
    givenTab({ report: articleReport(), text: { headline: 'x', url: 'y', paragraphs: [{ kind: 'p', text: 1 }], anchors: [] } });
    const el = await mountPage();
    expect(el.querySelector('.print-doc')).toBeNull();
    expect(el.textContent).toContain("The article's tab was closed or reloaded.");
  });

  it('says what to do when opened without an article tab', async () => {
    const el = await mountPage(null);
    expect(el.textContent).toContain("The article's tab was closed or reloaded.");
  });
});
