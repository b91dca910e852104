/**
 * The popup's view (Summary or Timeline) as the reader last chose it, kept
 * in `storage.local` so the popup opens where the reader left it: a reader
 * who reads the timeline gets it with the popup, not one click later. It is
 * a choice of this device's popup, not a setting to sync.
 */
import { browser } from 'wxt/browser';

export const POPUP_VIEWS = ['summary', 'timeline'] as const;
export type PopupView = (typeof POPUP_VIEWS)[number];

const POPUP_VIEW_KEY = 'popupView';

export async function loadPopupView(): Promise<PopupView> {
  try {
    const stored = (await browser.storage.local.get(POPUP_VIEW_KEY))[POPUP_VIEW_KEY];
    return (POPUP_VIEWS as readonly unknown[]).includes(stored) ? (stored as PopupView) : 'summary';
  } catch {
    return 'summary';
  }
}

/** Best effort: a view not remembered (storage full) only means the summary next time. */
export async function savePopupView(view: PopupView): Promise<void> {
  await browser.storage.local.set({ [POPUP_VIEW_KEY]: view }).catch(() => undefined);
}
