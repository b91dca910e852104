/**
 * Backstory on one tab: detects the page, annotates it, draws the
 * highlights, opens cards, keeps all of it current as the page changes, and
 * answers the popup. Each of those jobs lives in its own module; this class
 * only sequences them.
 */
import type { CardView } from '../../components/AnnotationCard';
import type { AnnotationSet, Entity, Note } from '../annotations/types';
import { Highlighter } from '../highlight/highlighter';
import { MentionWindow } from '../highlight/mention-window';
import { t } from '../i18n';
import type { PageReport, RevealTarget } from '../messages';
import { firstDay } from '../mentions/active-forms';
import type { EntityFormIndex } from '../mentions/entity-forms';
import { detectPage, type DetectedPage, type PageLocation } from '../page/detect-page';
import { pageKey, type Settings } from '../settings';
import { annotatePage, annotationAtOffset, type AnnotationResult, type PlacedAnnotation } from './annotate-page';
import { CardLayer } from './card-layer';
import { Interaction, type OpenHow } from './interaction';
import type { ArticleText } from '../print/article-text';
import { buildArticleText } from './article-text';
import { annotationCount, buildPageReport, notesPlaced } from './page-report';
import { PageWatcher } from './page-watcher';

export interface BackstoryPageOptions {
  win: Window;
  set: AnnotationSet;
  /** The set's forms compiled for the matcher, as annotation-data.js ships them. */
  formIndex: EntityFormIndex;
  loadSettings(): Promise<Settings>;
  loadPagesOff(): Promise<string[]>;
  /** Tells the toolbar badge how many annotations the page shows. */
  sendBadge(count: number): void;
  /** The page's URL (default: the window's); tests serve pages from other hosts. */
  url?: () => string;
}

/** Runs `task` when the browser is idle (at the latest after two seconds). */
function whenIdle(win: Window, task: () => void): void {
  if (typeof win.requestIdleCallback === 'function') win.requestIdleCallback(task, { timeout: 2000 });
  else setTimeout(task, 200);
}

export class BackstoryPage {
  private readonly doc: Document;
  private readonly watcher: PageWatcher;
  private settings: Settings | null = null;
  private pagesOff: string[] = [];
  private detected: DetectedPage = { kind: 'not-article' };
  private result: AnnotationResult | null = null;
  private highlighter: Highlighter | null = null;
  private mentionWindow: MentionWindow<PlacedAnnotation> | null = null;
  private layer: CardLayer | null = null;
  private interaction: Interaction | null = null;
  /** The open card: which annotation, which view (an entity card can show one of its notes). */
  private card: { annotation: PlacedAnnotation; view: CardView } | null = null;
  private focusBeforeCard: HTMLElement | null = null;
  private generation = 0;
  private annotateMs: number | undefined;
  private readonly revealCursor = new Map<string, number>();
  private announcedFor = '';
  private lastBadge = -1;
  private lookups: { entities: Map<string, Entity>; notes: Map<string, Note> } | null = null;

  constructor(private readonly options: BackstoryPageOptions) {
    this.doc = options.win.document;
    this.watcher = new PageWatcher(
      options.win,
      { root: () => this.result?.page.root ?? null, isOwn: (node) => !!this.layer?.contains(node) },
      () => void this.refresh(),
      () => this.url(),
    );
  }

  async start(): Promise<void> {
    await this.settingsChanged();
    this.watcher.start();
  }

  /** Settings or the page list changed in storage: apply them now. */
  async settingsChanged(): Promise<void> {
    [this.settings, this.pagesOff] = await Promise.all([this.options.loadSettings(), this.options.loadPagesOff()]);
    await this.refresh();
  }

  /** Re-detects and re-annotates the page; a newer call cancels an older one. */
  async refresh(): Promise<void> {
    const generation = ++this.generation;
    const page = (this.detected = detectPage(this.doc, this.location(), this.options.set));
    const settings = this.settings;
    if (!settings?.siteEnabled || this.pageIsOff() || (page.kind !== 'article' && page.kind !== 'other-article')) {
      this.teardown();
    } else {
      const started = performance.now();
      const { set, formIndex } = this.options;
      const result = await annotatePage(page, set, formIndex, settings, { isCancelled: () => generation !== this.generation });
      if (!result) return;
      this.apply(result, settings);
      this.annotateMs = performance.now() - started;
      const { mentions, notes, orphans } = result;
      performance.mark('backstory:annotated', {
        detail: { mentions: mentions.length, notes: notesPlaced(result), noteRanges: notes.length, orphans: orphans.length },
      });
    }
    const count = annotationCount(this.result);
    if (count !== this.lastBadge) this.options.sendBadge((this.lastBadge = count));
  }

  /** Removes everything Backstory added and stops watching the page. */
  stop(): void {
    this.generation++;
    this.watcher.stop();
    this.teardown();
  }

  report(): PageReport {
    const page = this.detected;
    const status = !this.settings?.siteEnabled
      ? 'site-off'
      : page.kind !== 'article' && page.kind !== 'other-article'
        ? 'no-article'
        : this.pageIsOff()
          ? 'page-off'
          : page.kind;
    const article = page.kind === 'article' || page.kind === 'pending' ? page.article : undefined;
    const date = page.kind === 'article' || page.kind === 'other-article' ? page.date : undefined;
    return buildPageReport(status, this.url(), article, this.result, this.byId.entities, this.byId.notes, this.annotateMs, date);
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
    const matches = this.result?.ordered.filter((a) => a.kind === target.kind && a.id === target.id) ?? [];
    if (matches.length === 0) return false;
    const key = `${target.kind}:${target.id}`;
    const next = ((this.revealCursor.get(key) ?? -1) + 1) % matches.length;
    this.revealCursor.set(key, next);
    this.open(matches[next], { via: 'keyboard' });
    this.interaction?.shown(matches[next]);
    return true;
  }

  /** Entities and notes by id, made on first use (cards, the popup's report): placing highlights needs neither. */
  private get byId(): { entities: Map<string, Entity>; notes: Map<string, Note> } {
    return (this.lookups ??= {
      entities: new Map(this.options.set.entities.map((e) => [e.id, e])),
      notes: new Map(this.options.set.notes.map((n) => [n.id, n])),
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
    this.revealCursor.clear();
    this.highlighter?.dispose();
    this.mentionWindow?.dispose();
    const highlighter = (this.highlighter = new Highlighter(settings.highlightStyle));
    highlighter.addNoteRanges(result.notes.map((n) => n.range));
    this.mentionWindow = new MentionWindow(this.options.win, result.mentions, (shown) =>
      highlighter.setEntityRanges(shown.map((m) => m.range)),
    );
    this.ensureInteraction().reset();
    // An open card stays open across a re-render if its annotation is still there.
    const open = this.card;
    const same = open && result.ordered.find((a) => a.kind === open.annotation.kind && a.id === open.annotation.id);
    if (open && same?.range && this.layer) {
      this.card = { annotation: same, view: open.view };
      this.layer.show(this.cardContent(open.view), { range: same.range }, false);
      this.highlighter.setFocus(same.range);
      this.interaction!.shown(same);
    } else {
      this.closeCard(false);
    }
    const pageId = pageKey(this.location());
    if (this.announcedFor !== pageId && result.ordered.length > 0) {
      this.announcedFor = pageId;
      // Not urgent: tell screen readers once the page is idle, so the UI layer
      // (and the style recalculation it costs) is not on the annotation path.
      const count = String(result.ordered.length);
      // A card opened before then has been announced: its message must not be replaced by this one.
      whenIdle(this.options.win, () => {
        if (this.result && !this.card) this.ensureLayer().announce(t('announceReady', count));
      });
    }
  }

  /** The card layer, created the first time something is shown or announced. */
  private ensureLayer(): CardLayer {
    if (this.layer) {
      if (!this.layer.host.isConnected) this.doc.documentElement.append(this.layer.host);
      return this.layer;
    }
    return (this.layer = new CardLayer(this.doc, {
      onClose: () => {
        this.interaction?.closed();
        this.closeCard(true);
      },
      onOpenNote: (id) => {
        const note = this.byId.notes.get(id);
        const from = this.card?.view.kind === 'entity' ? this.card.view.entity : undefined;
        if (note) this.setView({ kind: 'note', note, from });
      },
      onBack: () => {
        const view = this.card?.view;
        if (view?.kind === 'note' && view.from) this.setView({ kind: 'entity', entity: view.from });
      },
      onPointer: (inside) => this.interaction?.cardPointer(inside),
    }));
  }

  private ensureInteraction(): Interaction {
    return (this.interaction ??= new Interaction(this.doc, {
      annotationsAt: (node, offset) => this.annotationsAt(node, offset),
      ordered: () => this.result?.ordered ?? [],
      open: (annotation, how) => this.open(annotation, how),
      close: (returnFocus) => this.closeCard(returnFocus),
      isInCard: (node) => !!this.layer?.contains(node),
      isCardOpen: () => this.card !== null,
    }));
  }

  /** Annotations at a DOM point: the character after the caret, then the one before. */
  private annotationsAt(node: Node, offset: number): PlacedAnnotation[] {
    const result = this.result;
    const at = result ? result.index.offsetOf(node, offset) : -1;
    if (!result || at < 0) return [];
    const found = [annotationAtOffset(result, at), at > 0 ? annotationAtOffset(result, at - 1) : null];
    return found.filter((a, i): a is PlacedAnnotation => a !== null && found.indexOf(a) === i);
  }

  private cardContent(view: CardView) {
    const article = this.detected.kind === 'article' ? this.detected.article : undefined;
    const relatedNotes =
      view.kind === 'entity' && article
        ? article.notes.map((id) => this.byId.notes.get(id)!).filter((n) => n.entities.includes(view.entity.id))
        : [];
    return { view, relatedNotes, articleDate: article && firstDay(article.published) };
  }

  private open(annotation: PlacedAnnotation, how: OpenHow): void {
    const view: CardView | null =
      annotation.kind === 'entity'
        ? { kind: 'entity', entity: this.byId.entities.get(annotation.id)! }
        : { kind: 'note', note: this.byId.notes.get(annotation.id)! };
    const range = annotation.range;
    if (!range) return;
    const layer = this.ensureLayer();
    const keyboard = how.via === 'keyboard';
    if (keyboard) {
      const active = this.doc.activeElement as HTMLElement | null;
      if (!layer.contains(active)) this.focusBeforeCard = active;
      this.scrollIntoView(range);
    }
    this.card = { annotation, view };
    this.highlighter?.setFocus(range);
    layer.show(this.cardContent(view), { range, x: how.x, y: how.y }, keyboard);
    const [title, kind] = view.kind === 'entity' ? [view.entity.name, t(`type_${view.entity.type}`)] : [view.note.title, t('noteLabel')];
    layer.announce(t('announceCard', [title, kind]));
  }

  private setView(view: CardView): void {
    if (!this.card || !this.layer) return;
    this.card.view = view;
    this.layer.update(this.cardContent(view), true);
  }

  private closeCard(returnFocus: boolean): void {
    if (!this.card) return;
    this.card = null;
    this.highlighter?.setFocus(null);
    const hadFocus = !!this.layer?.contains(this.doc.activeElement);
    this.layer?.hide();
    const previous = this.focusBeforeCard;
    this.focusBeforeCard = null;
    if ((returnFocus || hadFocus) && previous?.isConnected && previous !== this.doc.body) previous.focus({ preventScroll: true });
  }

  private scrollIntoView(range: Range): void {
    const rect = range.getBoundingClientRect();
    const win = this.options.win;
    if (rect.top >= 0 && rect.bottom <= win.innerHeight) return;
    const reduced = win.matchMedia('(prefers-reduced-motion: reduce)').matches;
    win.scrollBy({ top: rect.top - win.innerHeight / 3, behavior: reduced ? 'auto' : 'smooth' });
  }

  private teardown(): void {
    this.card = null;
    this.result = null;
    this.highlighter?.dispose();
    this.mentionWindow?.dispose();
    this.interaction?.dispose();
    this.layer?.dispose();
    this.highlighter = this.mentionWindow = this.interaction = this.layer = null;
  }
}
