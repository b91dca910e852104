/**
 * The timeline of a page, asked of the background, which holds the set: the
 * popup and the full-tab timeline load no data of their own, so opening them
 * costs the same whatever the set's size (issue #16). The answer is checked
 * before use; a missing or malformed one reads as "no timeline".
 */
import { browser } from 'wxt/browser';
import { type BackgroundRequest, isRecord, parseBackgroundRequest } from '../../shared/messages';
import { fromTimelineData, type PageTimeline, type TimelineData, type TimelineReport } from './page-timeline';

export type SendToBackground = (message: BackgroundRequest) => Promise<unknown>;

function isTimelineData(value: unknown): value is TimelineData {
  return (
    isRecord(value) &&
    Array.isArray(value.items) &&
    value.items.every(
      (item) =>
        isRecord(item) &&
        typeof item.key === 'string' &&
        typeof item.date === 'string' &&
        Array.isArray(item.entities) &&
        Array.isArray(item.sources) &&
        isRecord(item.sourcing) &&
        Array.isArray(item.sourcing.sources),
    ) &&
    Array.isArray(value.sources) &&
    value.sources.every((source) => isRecord(source) && typeof source.id === 'string' && typeof source.url === 'string') &&
    Array.isArray(value.entities) &&
    value.entities.every((e) => isRecord(e) && typeof e.id === 'string' && typeof e.name === 'string' && typeof e.type === 'string')
  );
}

const sendToBackground: SendToBackground = (message) => browser.runtime.sendMessage(message);

export async function requestTimeline(report: TimelineReport, send: SendToBackground = sendToBackground): Promise<PageTimeline | null> {
  const parsed = parseBackgroundRequest({
    type: 'backstory:timeline',
    entityIds: report.entities.map((e) => e.id),
    noteIds: report.notes.map((n) => n.id),
  });
  if (!parsed.ok) return null;
  try {
    const answer = await send(parsed.message);
    return isTimelineData(answer) ? fromTimelineData(answer, report) : null;
  } catch {
    // The background could not be reached (the extension is reloading).
    return null;
  }
}
