/**
 * What Backstory's own pages (popup, full-tab timeline, print) ask of the
 * background, which holds the set: they load no data of their own, so
 * opening them costs the same whatever the set's size (issue #16,
 * docs/decisions/0031-matching-in-the-background.md). Answers are checked
 * before use; a missing or malformed one reads as "nothing", never a guess.
 */
import { browser } from 'wxt/browser';
import { isPageRecords, type PageRecords } from '../shared/analysis/page-records';
import { askBackground, type ExtensionPageRequest, isRecord, parseExtensionPageRequest } from '../shared/messages';
import { fromTimelineData, type PageTimeline, type TabTimelineData, type TimelineData, type TimelineReport } from './timeline/page-timeline';
import { sameIds } from './background/found-by-tab';

export type SendToBackground = (message: ExtensionPageRequest) => Promise<unknown>;

const ask = (send: SendToBackground, message: ExtensionPageRequest) => askBackground(send, message, parseExtensionPageRequest);

const sendToBackground: SendToBackground = (message) => browser.runtime.sendMessage(message);

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

const idsOf = (report: TimelineReport) => ({ entityIds: report.entities.map((e) => e.id), noteIds: report.notes.map((n) => n.id) });

/** The timeline of what a page reported, marked at its date; null when it could not be had. */
export async function requestTimeline(report: TimelineReport, send: SendToBackground = sendToBackground): Promise<PageTimeline | null> {
  const answer = await ask(send, { type: 'backstory:timeline', ...idsOf(report) });
  return isTimelineData(answer) ? fromTimelineData(answer, report) : null;
}

/**
 * The timeline of what a tab last said it found, asked before its report
 * arrives (`early`, from requestTabTimeline): used when it was made for the
 * report's very ids, asked again with them otherwise. The popup asks both at
 * once, so its timeline no longer waits one round trip behind the report.
 */
export async function timelineForReport(
  early: Promise<TabTimelineData | null>,
  report: TimelineReport,
  send: SendToBackground = sendToBackground,
): Promise<PageTimeline | null> {
  const known = await early;
  if (known && sameIds(known, idsOf(report))) return fromTimelineData(known.timeline, report);
  return requestTimeline(report, send);
}

/** What the background answers for the tab, or null (it has not heard from the tab, or the answer is malformed). */
export async function requestTabTimeline(tabId: number, send: SendToBackground = sendToBackground): Promise<TabTimelineData | null> {
  const answer = await ask(send, { type: 'backstory:tab-timeline', tabId });
  const ids = (value: unknown): value is string[] => Array.isArray(value) && value.every((id) => typeof id === 'string');
  return isRecord(answer) && ids(answer.entityIds) && ids(answer.noteIds) && isTimelineData(answer.timeline) ? (answer as unknown as TabTimelineData) : null;
}

/** The records of every entity and note a page reported (the print page's glossary and endnotes); null when they could not be had. */
export async function requestPageRecords(report: TimelineReport, send: SendToBackground = sendToBackground): Promise<PageRecords | null> {
  const answer = await ask(send, { type: 'backstory:page-records', ...idsOf(report) });
  return isPageRecords(answer) ? answer : null;
}
