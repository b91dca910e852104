/**
 * Notices when the annotations may be out of date: the article appeared
 * (client-side rendering), its nodes were replaced or edited (hydration,
 * re-render), or the reader navigated (history.pushState / popstate).
 *
 * Backstory changes no page node, so its own work never feeds this observer
 * (the loop brandon1024/find#300 warns about); the one element it adds, its
 * card host, is ignored. Changes are batched: one refresh per burst.
 */

export type ChangeReason = 'dom' | 'navigation';

export interface WatchedState {
  /** The annotated article element, if any: changes elsewhere are ignored. */
  root(): Element | null;
  /** Nodes that belong to Backstory. */
  isOwn(node: Node): boolean;
}

/** Wait for a burst of mutations to settle, but never longer than MAX_WAIT_MS. */
export const SETTLE_MS = 40;
export const MAX_WAIT_MS = 200;
/** Fallback URL check where the Navigation API is missing (pushState from the page is invisible to content scripts). */
export const URL_POLL_MS = 500;

type NavigationLike = EventTarget;

export class PageWatcher {
  private observer: MutationObserver | null = null;
  private settleTimer: ReturnType<typeof setTimeout> | undefined;
  private firstPending = 0;
  private pendingReason: ChangeReason | null = null;
  private lastUrl: string;
  private poll: ReturnType<typeof setInterval> | undefined;
  private readonly onPopState = () => this.checkUrl();

  constructor(
    private readonly win: Window,
    private readonly state: WatchedState,
    private readonly onChange: (reason: ChangeReason) => void,
    private readonly url: () => string = () => win.location.href,
  ) {
    this.lastUrl = this.url();
  }

  start(): void {
    if (this.observer) return;
    this.lastUrl = this.url();
    this.observer = new MutationObserver((records) => this.onMutations(records));
    this.observer.observe(this.win.document, { childList: true, subtree: true, characterData: true });
    this.win.addEventListener('popstate', this.onPopState);
    this.win.addEventListener('hashchange', this.onPopState);
    const navigation = (this.win as unknown as { navigation?: NavigationLike }).navigation;
    if (navigation) navigation.addEventListener('navigatesuccess', this.onPopState);
    else this.poll = setInterval(() => this.checkUrl(), URL_POLL_MS);
  }

  stop(): void {
    this.observer?.disconnect();
    this.observer = null;
    clearTimeout(this.settleTimer);
    clearInterval(this.poll);
    this.settleTimer = undefined;
    this.pendingReason = null;
    this.win.removeEventListener('popstate', this.onPopState);
    this.win.removeEventListener('hashchange', this.onPopState);
    const navigation = (this.win as unknown as { navigation?: NavigationLike }).navigation;
    navigation?.removeEventListener('navigatesuccess', this.onPopState);
  }

  private checkUrl(): void {
    const href = this.url();
    if (href === this.lastUrl) return;
    const before = new URL(this.lastUrl);
    const after = new URL(href);
    this.lastUrl = href;
    // A fragment-only change is not a new page.
    if (before.origin === after.origin && before.pathname === after.pathname && before.search === after.search) return;
    this.schedule('navigation');
  }

  private onMutations(records: MutationRecord[]): void {
    this.checkUrl();
    const root = this.state.root();
    for (const record of records) {
      const target = record.target;
      if (this.state.isOwn(target)) continue;
      if (record.type === 'childList' && this.onlyOwnNodes(record)) continue;
      if (!root || !root.isConnected || root.contains(target) || target.contains(root)) {
        this.schedule('dom');
        return;
      }
    }
  }

  private onlyOwnNodes(record: MutationRecord): boolean {
    const nodes = [...Array.from(record.addedNodes), ...Array.from(record.removedNodes)];
    return nodes.length > 0 && nodes.every((n) => this.state.isOwn(n));
  }

  private schedule(reason: ChangeReason): void {
    const now = performance.now();
    if (this.pendingReason === null) this.firstPending = now;
    if (reason === 'navigation' || this.pendingReason === null) this.pendingReason = reason;
    clearTimeout(this.settleTimer);
    const wait = Math.max(0, Math.min(SETTLE_MS, this.firstPending + MAX_WAIT_MS - now));
    this.settleTimer = setTimeout(() => {
      const why = this.pendingReason ?? 'dom';
      this.pendingReason = null;
      this.settleTimer = undefined;
      this.onChange(why);
    }, wait);
  }
}
