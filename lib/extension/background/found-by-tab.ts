/**
 * What each tab's page last said it found (`backstory:found`), so the popup
 * can ask for a tab's timeline in the same moment it asks the page for its
 * report, instead of one round trip after it. The page stays the owner: the
 * popup uses the answer only when its ids are the report's, and asks with the
 * report's ids otherwise (a page that changed since, or a service worker
 * that restarted and forgot).
 */
import type { FoundIds } from '../../shared/messages';

/** Tabs remembered at once: a tab closed without notice is pushed out by newer ones. */
const MAX_TABS = 50;

export class FoundByTab {
  private readonly byTab = new Map<number, FoundIds>();

  set(tabId: number, ids: FoundIds): void {
    this.byTab.delete(tabId);
    this.byTab.set(tabId, ids);
    if (this.byTab.size > MAX_TABS) this.byTab.delete(this.byTab.keys().next().value!);
  }

  get(tabId: number): FoundIds | undefined {
    return this.byTab.get(tabId);
  }

  /** The tab was closed, or its page is being replaced. */
  drop(tabId: number): void {
    this.byTab.delete(tabId);
  }
}

/** Do two reports name the same entities and notes (in any order)? */
export function sameIds(a: FoundIds, b: FoundIds): boolean {
  const same = (x: readonly string[], y: readonly string[]) => x.length === y.length && new Set([...x, ...y]).size === new Set(x).size;
  return same(a.entityIds, b.entityIds) && same(a.noteIds, b.noteIds);
}
