/**
 * Backstory on one tab: detects the page, annotates it, draws the
 * highlights, opens cards, keeps all of it current as the page changes, and
 * answers the popup. Each of those jobs lives in its own module; this class
 * only sequences them.
 */
import type { AnnotationSet, Entity, Note } from '../annotations/types';
import type { CardView } from '../../components/AnnotationCard';
import { Highlighter } from '../highlight/highlighter';
import { t } from '../i18n';
import type { EntityFound, NoteOnPage, PageReport, PageStatus, RevealTarget } from '../messages';
import { firstDay } from '../mentions/active-forms';
import { detectPage, type DetectedPage } from '../page/detect-page';
import { pageKey, type Settings } from '../settings';
import { annotatePage, annotationAtOffset, type AnnotationResult, type PlacedAnnotation } from './annotate-page';
import { CardLayer } from './card-layer';
import { Interaction } from './interaction';
import { PageWatcher } from './page-watcher';

export interface BackstoryPageOptions {
  win: Window;
  set: AnnotationSet;
  loadSettings(): Promise<Settings>;
  loadPagesOff(): Promise<string[]>;
  /** Tells the toolbar badge how many annotations the page shows. */
  sendBadge(count: number): void;
  /** The page's URL (default: the window's); tests serve pages from other hosts. */
  url?: () => string;
}

interface OpenCard {
  annotation: PlacedAnnotation;
  view: CardView;
}

export class BackstoryPage {
  private readonly doc: Document;
  private readonly entities: Map<string, Entity>;
  private readonly notes: Map<string, Note>;
  private readonly watcher: PageWatcher;
  private settings: Settings | null = null;
  private pagesOff: string[] = [];
  private detected: DetectedPage = { kind: 'not-article' };
  private result: AnnotationResult | null = null;
  private highlighter: Highlighter | null = null;
  private layer: CardLayer | null = null;
  private interaction: Interaction | null = null;
  private openCard: OpenCard | null = null;
  private focusBeforeCard: HTMLElement | null = null;
  private generation = 0;
  private annotateMs: number | undefined;
  private readonly revealCursor = new Map<string, number>();
  private announcedFor: string | null = null;
  private lastBadge = -1;

  constructor(private readonly options: BackstoryPageOptions) {
    this.doc = options.win.document;
    this.entities = new Map(options.set.entities.map((e) => [e.id, e]));
    this.notes = new Map(options.set.notes.map((n) => [n.id, n]));
    this.watcher = new PageWatcher(
      options.win,
      {
        root: () => this.result?.page.root ?? null,
        isOwn: (node) => this.layer?.contains(node) ?? false,
      },
      () => void this.refresh(),
      () => this.url(),
    );
  }

  private url(): string {
    return this.options.url?.() ?? this.options.win.location.href;
  }

  async start(): Promise<void> {
    await this.reloadSettings();
    this.watcher.start();
    await this.refresh();
  }

  /** Settings or the page list changed in storage. */
  async settingsChanged(): Promise<void> {
    const before = this.settings;
    await this.reloadSettings();
    const after = this.settings!;
    const styleOnly =
      before !== null &&
      this.result !== null &&
      before.siteEnabled === after.siteEnabled &&
      before.mentionMode === after.mentionMode &&
      before.entityTypes.join() === after.entityTypes.join() &&
      !this.pageIsOff() === (this.result !== null);
    if (styleOnly && this.highlighter) this.highlighter.setStyle(after.highlightStyle);
    else await this.refresh();
  }

  /** Re-detects and re-annotates the page; a newer call cancels an older one. */
  async refresh(): Promise<void> {
    const generation = ++this.generation;
    const settings = this.settings ?? (await this.reloadSettings());
    this.detected = detectPage(this.doc, new URL(this.url()), this.options.set);
    const page = this.detected;
    if (!settings.siteEnabled || this.pageIsOff() || (page.kind !== 'article' && page.kind !== 'other-article')) {
      this.teardown();
      this.updateBadge();
      return;
    }
    const started = performance.now();
    const result = await annotatePage(page, this.options.set, settings, {
      isCancelled: () => generation !== this.generation,
    });
    if (!result || generation !== this.generation) return;
    this.apply(result, settings);
    this.annotateMs = performance.now() - started;
    performance.mark('backstory:annotated', {
      detail: { mentions: result.mentions.length, notes: result.notes.length, orphans: result.orphans.length },
    });
    this.updateBadge();
  }

  /** Removes everything Backstory added and stops watching the page. */
  stop(): void {
    this.generation++;
    this.watcher.stop();
    this.teardown();
  }

  report(): PageReport {
    const status = this.status();
    const result = status === 'article' || status === 'other-article' ? this.result : null;
    const article = this.detected.kind === 'article' || this.detected.kind === 'pending' ? this.detected.article : undefined;
    const entities: EntityFound[] = [];
    for (const [id, mentions] of result?.mentionCounts ?? []) {
      const entity = this.entities.get(id);
      if (entity) entities.push({ id, name: entity.name, type: entity.type, mentions, dir: entity.dir, lang: entity.lang });
    }
    entities.sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name));
    const placed = new Set(result?.notes.map((n) => n.id));
    const notes: NoteOnPage[] = (article?.notes ?? []).flatMap((id) => {
      const note = this.notes.get(id);
      return note
        ? [{ id, title: note.title, period: note.period, placed: placed.has(id), singleSource: note.singleSource !== undefined }]
        : [];
    });
    const publisher = article ? this.entities.get(article.publisher)?.name ?? article.publisher : '';
    return {
      status,
      url: this.url(),
      article: article && {
        id: article.id,
        url: article.url,
        headline: article.headline,
        publisher,
        published: article.published,
        summary: article.summary,
        singleSource: article.singleSource,
        lang: article.lang,
        dir: article.dir,
      },
      entities,
      notes: result ? notes : notes.map((n) => ({ ...n, placed: false })),
      annotationCount: result ? entities.length + placed.size : 0,
      annotateMs: result ? this.annotateMs : undefined,
    };
  }

  /** Scrolls to the first (then next) place of an entity or note and opens its card. */
  reveal(target: RevealTarget): boolean {
    const matches = this.result?.ordered.filter((a) => a.kind === target.kind && a.id === target.id) ?? [];
    if (matches.length === 0) return false;
    const key = `${target.kind}:${target.id}`;
    const next = ((this.revealCursor.get(key) ?? -1) + 1) % matches.length;
    this.revealCursor.set(key, next);
    const annotation = matches[next];
    this.open(annotation, { via: 'keyboard' });
    this.interaction?.shown(annotation);
    return true;
  }

  private status(): PageStatus {
    if (this.settings && !this.settings.siteEnabled) return 'site-off';
    if (this.detected.kind === 'article' || this.detected.kind === 'other-article') {
      return this.pageIsOff() ? 'page-off' : this.detected.kind;
    }
    return 'no-article';
  }

  private pageIsOff(): boolean {
    return this.pagesOff.includes(pageKey(this.url()));
  }

  private async reloadSettings(): Promise<Settings> {
    const [settings, pagesOff] = await Promise.all([this.options.loadSettings(), this.options.loadPagesOff()]);
    this.settings = settings;
    this.pagesOff = pagesOff;
    return settings;
  }

  private updateBadge(): void {
    const count = this.report().annotationCount;
    if (count === this.lastBadge) return;
    this.lastBadge = count;
    this.options.sendBadge(count);
  }

  private apply(result: AnnotationResult, settings: Settings): void {
    const previousCard = this.openCard;
    this.result = result;
    this.revealCursor.clear();
    if (!this.highlighter) this.highlighter = new Highlighter(settings.highlightStyle);
    this.highlighter.setStyle(settings.highlightStyle);
    this.highlighter.clear();
    this.highlighter.addNoteRanges(result.notes.map((n) => n.range));
    this.highlighter.addEntityRanges(result.mentions.map((m) => m.range));
    this.ensureUi();
    this.interaction!.reset();
    if (previousCard) {
      // Keep an open card open across a re-render if its annotation is still there.
      const same = result.ordered.find((a) => a.kind === previousCard.annotation.kind && a.id === previousCard.annotation.id);
      if (same) {
        this.openCard = { annotation: same, view: previousCard.view };
        this.layer!.show(this.cardContent(previousCard.view), { range: same.range }, false);
        this.highlighter.setFocus(same.range);
        this.interaction!.shown(same);
      } else {
        this.closeCard(false);
      }
    }
    const pageId = pageKey(this.url());
    if (this.announcedFor !== pageId && result.ordered.length > 0) {
      this.announcedFor = pageId;
      this.layer!.announce(t('announceReady', String(result.ordered.length)));
    }
  }

  private ensureUi(): void {
    if (this.layer && this.interaction) {
      if (!this.layer.host.isConnected) this.doc.documentElement.append(this.layer.host);
      return;
    }
    this.layer = new CardLayer(this.doc, {
      onClose: () => {
        this.interaction?.closed();
        this.closeCard(true);
      },
      onOpenNote: (noteId) => this.showNote(noteId),
      onBack: () => {
        if (this.openCard?.view.kind === 'note' && this.openCard.view.from) {
          this.setView({ kind: 'entity', entity: this.openCard.view.from });
        }
      },
      onPointerEnter: () => this.interaction?.cardPointer(true),
      onPointerLeave: () => this.interaction?.cardPointer(false),
    });
    this.interaction = new Interaction(this.doc, {
      annotationAtPoint: (node, offset) => this.annotationsAt(node, offset),
      ordered: () => this.result?.ordered ?? [],
      open: (annotation, how) => this.open(annotation, how),
      close: (returnFocus) => this.closeCard(returnFocus),
      isInCard: (node) => this.layer?.contains(node) ?? false,
      isCardOpen: () => this.openCard !== null,
    });
  }

  private annotationsAt(node: Node, offset: number): PlacedAnnotation[] {
    const result = this.result;
    if (!result) return [];
    const at = result.index.offsetOf(node, offset);
    if (at < 0) return [];
    const found: PlacedAnnotation[] = [];
    for (const o of [at, at - 1]) {
      const hit = o >= 0 ? annotationAtOffset(result, o) : null;
      if (hit && !found.includes(hit)) found.push(hit);
    }
    return found;
  }

  private viewFor(annotation: PlacedAnnotation): CardView | null {
    if (annotation.kind === 'entity') {
      const entity = this.entities.get(annotation.id);
      return entity ? { kind: 'entity', entity } : null;
    }
    const note = this.notes.get(annotation.id);
    return note ? { kind: 'note', note } : null;
  }

  private cardContent(view: CardView) {
    const article = this.detected.kind === 'article' ? this.detected.article : undefined;
    const relatedNotes =
      view.kind === 'entity' && article
        ? article.notes.map((id) => this.notes.get(id)!).filter((n) => n && n.entities.includes(view.entity.id))
        : [];
    return { view, relatedNotes, articleDate: article ? firstDay(article.published) : undefined };
  }

  private open(annotation: PlacedAnnotation, how: { via: 'pointer' | 'keyboard' | 'touch'; x?: number; y?: number }): void {
    const view = this.viewFor(annotation);
    if (!view || !this.layer) return;
    const keyboard = how.via === 'keyboard';
    if (keyboard) {
      const active = this.doc.activeElement as HTMLElement | null;
      if (!this.layer.contains(active)) this.focusBeforeCard = active;
      this.scrollIntoView(annotation.range);
    }
    this.openCard = { annotation, view };
    this.highlighter?.setFocus(annotation.range);
    this.layer.show(this.cardContent(view), { range: annotation.range, x: how.x, y: how.y }, keyboard);
    const title = view.kind === 'entity' ? view.entity.name : view.note.title;
    const kind = view.kind === 'entity' ? t(`type_${view.entity.type}`) : t('noteLabel');
    this.layer.announce(t('announceCard', [title, kind]));
  }

  private showNote(noteId: string): void {
    const note = this.notes.get(noteId);
    if (!note || !this.openCard) return;
    const from = this.openCard.view.kind === 'entity' ? this.openCard.view.entity : undefined;
    this.setView({ kind: 'note', note, from });
  }

  private setView(view: CardView): void {
    if (!this.openCard || !this.layer) return;
    this.openCard = { ...this.openCard, view };
    this.layer.update(this.cardContent(view), true);
  }

  private closeCard(returnFocus: boolean): void {
    if (!this.openCard) return;
    this.openCard = null;
    this.highlighter?.setFocus(null);
    const hadFocus = this.layer?.contains(this.doc.activeElement) ?? false;
    this.layer?.hide();
    const previous = this.focusBeforeCard;
    this.focusBeforeCard = null;
    if ((returnFocus || hadFocus) && previous?.isConnected && previous !== this.doc.body) previous.focus({ preventScroll: true });
  }

  private scrollIntoView(range: Range): void {
    const rect = range.getBoundingClientRect();
    const win = this.options.win;
    if (rect.top >= 0 && rect.bottom <= win.innerHeight) return;
    const reduced = win.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
    win.scrollBy({ top: rect.top - win.innerHeight / 3, behavior: reduced ? 'auto' : 'smooth' });
  }

  private teardown(): void {
    this.openCard = null;
    this.result = null;
    this.highlighter?.dispose();
    this.highlighter = null;
    this.interaction?.dispose();
    this.interaction = null;
    this.layer?.dispose();
    this.layer = null;
    this.revealCursor.clear();
  }
}
