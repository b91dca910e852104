/**
 * Backstory on one tab: detects the page, annotates it, draws the
 * highlights, opens cards, keeps all of it current as the page changes, and
 * answers the popup. Each of those jobs lives in its own module; this class
 * only sequences them.
 */
import type { CardView } from '../../components/card/AnnotationCard';
import type { RejectScope } from '../../components/card/NotThis';
import { addCorrection, contextOf, type Correction, correctionsForPage, isCorrected, loadCorrections } from '../shared/corrections';
import { registerLookup, type SourceLookup } from '../shared/annotations/fact-sourcing';
import type { ArticleLookup, PageDataSource } from '../shared/analysis/page-data';
import type { EntityRef, NoteRef } from '../shared/analysis/page-records';
import { afterNextFrame } from './after-frame';
import { Highlighter } from './highlight/highlighter';
import { MentionWindow } from './highlight/mention-window';
import type { FoundIds, PageStatus, RevealTarget } from '../shared/messages';
import { isAnnotated, pageStatus } from '../shared/page-status';
import { firstDay } from '../shared/mentions/active-forms';
import { detectPage, type DetectedPage, type PageLocation } from './page/detect-page';
import { pageKey, type Settings } from '../shared/settings';
import type { ArticleText } from '../shared/article-text';
import { buildArticleText } from './article-text-from-index';
import { annotatePage, annotationAtOffset, type AnnotationResult, type PlacedAnnotation, type PlacedEntity } from './annotate-page';
import { CardController } from './card-controller';
import { RecordStore } from './record-store';
import type { CardContent } from './card-layer';
import { providedCardLayer } from './card-ui-slot';
import { Interaction } from './interaction';
import { annotationCount, buildPageReport, notesPlaced, type PageReportWithLimits } from './page-report';
import { PageWatcher } from './page-watcher';

export interface BackstoryPageOptions {
  win: Window;
  /** The annotation set, asked through messages to the background (localPageData in tests). */
  data: PageDataSource;
  loadSettings(): Promise<Settings>;
  loadPagesOff(): Promise<string[]>;
  /** The reader's link corrections (default: from the extension's local storage). */
  loadCorrections?(): Promise<Correction[]>;
  /** Stores a correction (default: the extension's local storage); the storage change re-annotates the page. */
  saveCorrection?(correction: Omit<Correction, 'id' | 'createdAt'>): Promise<unknown>;
  /** Tells the toolbar badge how many annotations the page shows. */
  sendBadge(count: number): void;
  /** Tells the background what the report now names (the popup's early timeline: background/found-by-tab.ts). */
  sendFound?(ids: FoundIds): void;
  /** The page's URL (default: the window's); tests serve pages from other hosts. */
  url?: () => string;
}

/** Runs `task` when the browser is idle (at the latest after `timeoutMs`). */
function whenIdle(win: Window, task: () => void, timeoutMs = 2000): void {
  if (typeof win.requestIdleCallback === 'function') win.requestIdleCallback(task, { timeout: timeoutMs });
  else setTimeout(task, 200);
}

/**
 * The longest wait for the page's first idle period before the first pass
 * starts anyway (a page that keeps its main thread busy never has one).
 */
export const START_WAIT_MS = 500;

export class BackstoryPage {
  private readonly doc: Document;
  private readonly watcher: PageWatcher;
  private settings: Settings | null = null;
  private pagesOff: string[] = [];
  private detected: DetectedPage = { kind: 'not-article' };
  private result: AnnotationResult | null = null;
  private highlighter: Highlighter | null = null;
  private mentionWindow: MentionWindow<PlacedEntity> | null = null;
  private readonly cards: CardController;
  private interaction: Interaction | null = null;
  private generation = 0;
  /** Stopped (the extension was reloaded or removed): a start still waiting for idle time does not happen. */
  private stopped = false;
  private annotateMs: number | undefined;
  private lastBadge = -1;
  private corrections: Correction[] = [];
  /** A pass has finished with the reader's settings: until then the report says "loading", not a guess. */
  private settled = false;
  private lookups: { entities: Map<string, EntityRef>; notes: Map<string, NoteRef> } | null = null;
  /** The cards' records, asked for as cards are about to open. */
  private readonly records: RecordStore;
  /** The background's answer for the page's URL (one question per address: the watcher re-detects often). */
  private articleLookup: { key: string; answer: Promise<ArticleLookup> } | null = null;
  private checkedTo = '';
  /** The ids last sent with sendFound, joined (nothing is sent again while they stay the same). */
  private lastFound = '';
  /**
   * Work for when the page is idle, asked for during a pass: scheduled once
   * the highlights are placed, so the pass does not also pay for the
   * scheduling (a page's first requestIdleCallback: 0.6 ms on the article).
   */
  private idleTasks: (() => void)[] = [];

  constructor(private readonly options: BackstoryPageOptions) {
    this.doc = options.win.document;
    this.records = new RecordStore(options.data);
    this.cards = new CardController({
      doc: this.doc,
      // The card's UI comes from card-ui.js (card-ui-slot.ts), taken when the first card or announcement needs it.
      makeLayer: (events) => providedCardLayer()(this.doc, events),
      content: (view) => this.cardContent(view),
      highlight: (range) => this.highlighter?.setFocus(range),
      reject: (mention, scope) => this.reject(mention, scope),
      whenIdle: (task) => this.idleTasks.push(task),
      recordOf: (annotation) => (annotation.kind === 'entity' ? this.records.entity(annotation.id) : this.records.note(annotation.id)),
      loadRecord: (annotation) => this.loadRecord(annotation),
    });
    this.watcher = new PageWatcher(
      options.win,
      { root: () => this.result?.page.root ?? null, isOwn: (node) => this.cards.contains(node) },
      () => this.refresh(),
      () => this.url(),
      () => this.annotateMs ?? 0,
    );
  }

  /**
   * start(), in the page's first idle period: the first pass is a chain of
   * messages and small tasks, and started at once it ran between the
   * page's own load tasks (its resource and frame work, its garbage
   * collection) and competed with them for the thread and the cores. On the
   * article, started this way, the page's load tasks left Backstory's
   * window and its own work took less CPU time
   * (docs/decisions/0038-first-pass-when-the-page-is-idle.md).
   */
  startWhenIdle(): void {
    whenIdle(
      this.options.win,
      () => {
        if (this.stopped) return;
        // Benchmarks read the pass's start from this mark (bench/busy-time.ts).
        performance.mark('backstory:begin');
        void this.start();
      },
      START_WAIT_MS,
    );
  }

  async start(): Promise<void> {
    // Asked while the settings are read, not after: two round trips in
    // parallel instead of one after the other. On the article that took
    // about 20 ms off the time to the highlights, and the page's own
    // small tasks that fall inside that window are no longer counted against
    // Backstory's busy time (docs/performance.md).
    void this.lookupArticle(this.location());
    await this.settingsChanged();
    this.watcher.start();
  }

  /** Settings or the page list changed in storage: apply them now. */
  async settingsChanged(): Promise<void> {
    [this.settings, this.pagesOff, this.corrections] = await Promise.all([
      this.options.loadSettings(),
      this.options.loadPagesOff(),
      (this.options.loadCorrections ?? loadCorrections)(),
    ]);
    await this.refresh();
  }

  /** Re-detects and re-annotates the page; a newer call cancels an older one. */
  async refresh(): Promise<void> {
    const generation = ++this.generation;
    const location = this.location();
    const lookup = await this.lookupArticle(location);
    if (generation !== this.generation) return;
    this.checkedTo = lookup.checkedTo;
    const page = (this.detected = detectPage(this.doc, location, lookup.article));
    const settings = this.settings;
    if (!settings || !isAnnotated(this.status(true)) || (page.kind !== 'article' && page.kind !== 'other-article')) {
      this.teardown();
    } else {
      const started = performance.now();
      const url = this.url();
      const corrections = correctionsForPage(this.corrections, url);
      const result = await annotatePage(page, this.options.data, settings, {
        isCancelled: () => generation !== this.generation,
        isRejected: corrections.length > 0 ? (mention) => isCorrected(corrections, url, mention) : undefined,
      });
      if (!result) return;
      this.apply(result, settings);
      this.annotateMs = performance.now() - started;
      const { mentions, notes, orphans } = result;
      performance.mark('backstory:annotated', {
        detail: {
          mentions: mentions.length,
          notes: notesPlaced(result),
          noteRanges: notes.length,
          orphans: orphans.length,
          ...(result.tooLong ? { tooLong: result.tooLong.textChars } : {}),
        },
      });
    }
    this.settled = true;
    const count = annotationCount(this.result);
    if (count !== this.lastBadge) this.options.sendBadge((this.lastBadge = count));
    // Not urgent (a popup opened before it is sent asks with the report's ids): off the annotation path,
    // after the frame that paints the highlights. The page-ready announcement makes the card layer
    // (card-ui.js compiled, a host in the top layer): 8-13 ms, and the page's layout after it, which
    // an idle period that came before that frame put ahead of the highlights (bench traces, 2 December 2026).
    const idleTasks = this.idleTasks.splice(0);
    if (this.options.sendFound || idleTasks.length > 0) {
      afterNextFrame(this.options.win, () =>
        whenIdle(this.options.win, () => {
          for (const task of idleTasks) task();
          this.sendFound();
        }),
      );
    }
  }

  private sendFound(): void {
    if (!this.options.sendFound) return;
    const { entities, notes } = this.report();
    const ids = { entityIds: entities.map((e) => e.id), noteIds: notes.map((n) => n.id) };
    const key = JSON.stringify(ids);
    if (key === this.lastFound) return;
    this.lastFound = key;
    this.options.sendFound(ids);
  }

  /** Removes everything Backstory added and stops watching the page. */
  stop(): void {
    this.stopped = true;
    this.generation++;
    this.watcher.stop();
    this.teardown();
  }

  report(): PageReportWithLimits {
    const page = this.detected;
    const status = this.status(this.settled);
    const article = page.kind === 'article' || page.kind === 'pending' ? page.article : undefined;
    const date = page.kind === 'article' || page.kind === 'other-article' ? page.date : undefined;
    return buildPageReport(status, this.url(), article, this.result, this.byId.entities, this.byId.notes, this.checkedTo, this.annotateMs, date);
  }

  /** The annotated article as plain text with its placed notes (for the print page), or null elsewhere. */
  articleText(): ArticleText | null {
    const page = this.detected;
    if (page.kind !== 'article' || !this.result) return null;
    const headline = (page.root.querySelector('h1')?.textContent ?? page.article.headline).replace(/\s+/g, ' ').trim();
    return buildArticleText(this.result.index, headline, this.url(), this.result.notes);
  }

  /** Scrolls to the first (then next) place of an entity or note and opens its card. */
  reveal(target: RevealTarget): boolean {
    return this.cards.reveal(target);
  }

  /** What the page's annotations refer to, by id (its entities, its article's notes and publisher), made on first use. */
  private get byId(): { entities: Map<string, EntityRef>; notes: Map<string, NoteRef> } {
    const refs = this.result?.refs ?? { entities: [], notes: [] };
    return (this.lookups ??= {
      entities: new Map(refs.entities.map((e) => [e.id, e])),
      notes: new Map(refs.notes.map((n) => [n.id, n])),
    });
  }

  /** A card's record: an entity with the article's notes about it, or a note. */
  private loadRecord(annotation: PlacedAnnotation): Promise<boolean> {
    if (annotation.kind === 'note') return this.records.load([], [annotation.id]);
    const related = [...this.byId.notes.values()].filter((n) => n.entities.includes(annotation.id)).map((n) => n.id);
    return this.records.load([annotation.id], related);
  }

  private lookupArticle(location: PageLocation): Promise<ArticleLookup> {
    const key = `${location.hostname}${location.pathname}`;
    if (this.articleLookup?.key !== key) this.articleLookup = { key, answer: this.options.data.article(location) };
    return this.articleLookup.answer;
  }

  private status(settled: boolean): PageStatus {
    const { kind } = this.detected;
    return pageStatus({
      settled,
      siteEnabled: this.settings?.siteEnabled ?? null,
      pageOff: this.pageIsOff(),
      page: kind === 'article' || kind === 'other-article' ? kind : 'none',
    });
  }

  private url(): string {
    return this.options.url?.() ?? this.options.win.location.href;
  }

  /** The page's location (the window's own, unparsed, unless a test gives a URL). */
  private location(): PageLocation {
    return this.options.url ? new URL(this.options.url()) : this.options.win.location;
  }

  private pageIsOff(): boolean {
    return this.pagesOff.includes(pageKey(this.location()));
  }

  private apply(result: AnnotationResult, settings: Settings): void {
    this.result = result;
    this.lookups = null;
    this.highlighter?.dispose();
    this.mentionWindow?.dispose();
    const highlighter = (this.highlighter = new Highlighter(settings.highlightStyle));
    highlighter.addNoteRanges(result.notes.map((n) => n.range));
    this.mentionWindow = new MentionWindow(this.options.win, result.mentions, (shown) =>
      highlighter.setEntityRanges(shown.map((m) => m.range)),
    );
    this.interaction ??= new Interaction(this.doc, (node, offset) => this.annotationsAt(node, offset), this.cards, () => this.anyPlaced());
    this.cards.annotated(result, pageKey(this.location()));
  }

  /** Is anything placed? (Interaction hit-tests the pointer only then.) */
  private anyPlaced(): boolean {
    const result = this.result;
    return result !== null && (result.mentions.length > 0 || result.notes.length > 0);
  }

  /** Annotations at a DOM point: the character after the caret, then the one before. */
  private annotationsAt(node: Node, offset: number): PlacedAnnotation[] {
    const result = this.result;
    if (!result) return [];
    const at = result.index.offsetOf(node, offset);
    if (at < 0) return [];
    const found = [annotationAtOffset(result, at), at > 0 ? annotationAtOffset(result, at - 1) : null];
    return found.filter((a, i): a is PlacedAnnotation => a !== null && found.indexOf(a) === i);
  }

  private cardContent(view: CardView): CardContent {
    const article = this.detected.kind === 'article' ? this.detected.article : undefined;
    const relatedNotes =
      view.kind === 'entity' && article
        ? article.notes.flatMap((id) => this.records.note(id) ?? []).filter((n) => n.entities.includes(view.entity.id))
        : [];
    const page = this.detected;
    // Cards are dated to the page: the article's own date, or another article's published date when it shows one.
    const date = page.kind === 'article' || page.kind === 'other-article' ? page.date : null;
    return { view, relatedNotes, sources: this.records.source, articleDate: date ? firstDay(date) : undefined };
  }

  /** "Not this": remembers the reader's correction; the storage change re-annotates the page without the link. */
  private async reject(mention: PlacedEntity, scope: RejectScope): Promise<void> {
    const text = this.result?.index.text;
    if (text === undefined) return;
    const { start, end, entity } = mention;
    const page = this.detected;
    const save = this.options.saveCorrection ?? addCorrection;
    await save({
      url: this.url(),
      pageDate: page.kind === 'article' || page.kind === 'other-article' ? page.date : null,
      words: text.slice(start, end),
      entityId: entity.id,
      entityName: entity.name,
      ...contextOf(text, start, end),
      scope,
    });
  }

  private teardown(): void {
    this.interaction?.dispose();
    this.cards.clear();
    this.result = null;
    this.lookups = null;
    this.highlighter?.dispose();
    this.mentionWindow?.dispose();
    this.highlighter = this.mentionWindow = this.interaction = null;
  }
}
