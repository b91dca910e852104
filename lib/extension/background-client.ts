/**
 * What Backstory's own pages (popup, full-tab timeline, print) ask of the
 * background, which holds the set: they load no data of their own, so
 * opening them costs the same whatever the set's size (issue #16,
 * docs/decisions/0031-matching-in-the-background.md). Answers are checked
 * before use; a missing or malformed one reads as "nothing", never a guess.
 */
import { browser } from 'wxt/browser';
import { askBackground, type ExtensionPageRequest, type ForTab, type ForTabWant, isFoundIds, isRecord, parseExtensionPageRequest } from '../shared/messages';
import { fromTimelineData, type PageTimeline, type TimelineData, type TimelineReport } from './timeline/page-timeline';
import { sameIds } from './background/found-by-tab';
import { isPrintRecords, type PrintRecords } from './print/print-records';

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
        item.sources.every((id) => typeof id === 'string') &&
        isRecord(item.sourcing) &&
        typeof item.sourcing.independent === 'number',
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
 * What the background answers for a tab, from what its page last said it
 * found, asked before the page's report arrives (the popup's and the print
 * page's first questions go out together): null when it has not heard from
 * the tab or the answer is malformed.
 */
export async function requestForTab<T>(tabId: number, want: ForTabWant, isData: (value: unknown) => value is T, send: SendToBackground = sendToBackground): Promise<ForTab<T> | null> {
  const answer = await ask(send, { type: 'backstory:for-tab', tabId, want });
  return isFoundIds(answer) && isRecord(answer) && isData(answer.data) ? (answer as unknown as ForTab<T>) : null;
}

/** The tab's timeline, asked early (requestForTab). */
export const requestTabTimeline = (tabId: number, send?: SendToBackground) => requestForTab(tabId, 'timeline', isTimelineData, send);

/** The tab's print records, asked early (requestForTab). */
export const requestTabPrintRecords = (tabId: number, send?: SendToBackground) => requestForTab(tabId, 'print-records', isPrintRecords, send);

/** An early answer, if it was made for the report's very ids; null otherwise (ask again with them). */
async function ifSameIds<T>(early: Promise<ForTab<T> | null>, report: TimelineReport): Promise<T | null> {
  const known = await early.catch(() => null);
  return known && sameIds(known, idsOf(report)) ? known.data : null;
}

/** The report's timeline: the early answer when it fits the report, else asked with the report's ids. */
export async function timelineForReport(early: Promise<ForTab<TimelineData> | null>, report: TimelineReport, send: SendToBackground = sendToBackground): Promise<PageTimeline | null> {
  const data = await ifSameIds(early, report);
  return data ? fromTimelineData(data, report) : requestTimeline(report, send);
}

/** The report's print records: the early answer when it fits the report, else asked with the report's ids. */
export async function printRecordsForReport(
  early: Promise<ForTab<PrintRecords> | null>,
  report: TimelineReport,
  send: SendToBackground = sendToBackground,
): Promise<PrintRecords | null> {
  return (await ifSameIds(early, report)) ?? requestPrintRecords(report, send);
}

/** What the print page prints of every entity and note a page reported (glossary, endnotes, their sources); null when it could not be had. */
export async function requestPrintRecords(report: TimelineReport, send: SendToBackground = sendToBackground): Promise<PrintRecords | null> {
  const answer = await ask(send, { type: 'backstory:print-records', ...idsOf(report) });
  return isPrintRecords(answer) ? answer : null;
}
