/**
 * Messages between the popup, the content script and the background script.
 * The content script is the source of truth about the page: the popup asks it
 * what is there now rather than reading the data file. The background holds
 * the annotation set and answers the content script's questions about it.
 */
import { MAX_TEXT_CHARS, type AnalyseRequest } from './analysis/analyse-text';
import { isTextPart, isTextPartsRef, TEXT_PART_CHARS, type TextPartsRef } from './analysis/text-parts';
import { ENTITY_TYPES, type EntityType, type SingleSourceCaveat, type SummaryPoint, type TextDirection } from './annotations/types';

export interface EntityFound {
  id: string;
  name: string;
  type: EntityType;
  mentions: number;
  dir?: TextDirection;
  lang?: string;
}

export interface NoteOnPage {
  id: string;
  title: string;
  period: 'background' | 'after';
  placed: boolean;
  singleSource: boolean;
}

export interface ArticleSummary {
  id: string;
  url: string;
  headline: string;
  publisher: string;
  published: string;
  summary: SummaryPoint[];
  singleSource?: SingleSourceCaveat;
  lang: string;
  dir?: TextDirection;
  /** When the article's record was last checked (the print page says how current it is). */
  asOf?: string;
}

export type PageStatus =
  /** The content script is still reading the reader's settings or making its first pass. */
  | 'loading'
  /** The annotated article. */
  | 'article'
  /** Another article page of the publisher: entities only. */
  | 'other-article'
  /** A publisher page that is not an article, or whose article has not appeared. */
  | 'no-article'
  /** The reader turned Backstory off for the site. */
  | 'site-off'
  /** The reader turned highlights off for this page. */
  | 'page-off';

const PAGE_STATUSES: readonly string[] = ['loading', 'article', 'other-article', 'no-article', 'site-off', 'page-off'];

export interface PageReport {
  status: PageStatus;
  url: string;
  article?: ArticleSummary;
  entities: EntityFound[];
  notes: NoteOnPage[];
  /** Distinct annotations shown: entities found plus notes placed. */
  annotationCount: number;
  /** The day the bundled background was last checked against published reporting. */
  checkedTo: string;
  /** Milliseconds the last annotation pass took, start to last highlight. */
  annotateMs?: number;
  /** The page's publication date (YYYY-MM-DD) where it states one: the timeline is marked there. */
  pageDate?: string;
  /** Set when the page's text was too long to annotate: nothing is placed, and the popup says so with these sizes. */
  tooLong?: TooLong;
}

/**
 * Why a page was not annotated: its text is longer than Backstory reads
 * (textChars over maxTextChars), or one of its text nodes is longer than it
 * highlights in (nodeChars over maxNodeChars: lib/content/annotate-page.ts).
 */
export interface TooLong {
  textChars: number;
  maxTextChars: number;
  nodeChars?: number;
  maxNodeChars?: number;
}

export type RevealTarget = { kind: 'entity' | 'note'; id: string };

export type ContentRequest =
  | { type: 'backstory:get-report' }
  | { type: 'backstory:reveal'; target: RevealTarget }
  /** The article as plain text with its placed notes (the print page); answered with an ArticleText or null. */
  | { type: 'backstory:get-article-text' };

/** What a content script asks or tells the background (the sender is its tab). */
export type PageRequest =
  | { type: 'backstory:badge'; count: number }
  /** Which annotated article a page of the publisher's is; answered with an ArticleLookup. */
  | { type: 'backstory:article'; hostname: string; pathname: string }
  /**
   * Entity mentions and note anchors in an article's text; answered with a
   * PackedAnalysis (analysis-wire.ts). A long text comes ahead in text-part
   * messages: `textParts` then names them, and `request.text` is empty.
   */
  | { type: 'backstory:analyse'; request: AnalyseRequest; textParts?: TextPartsRef }
  /** A piece of a long article's text, ahead of its analyse message (text-parts.ts); answered with true. */
  | { type: 'backstory:text-part'; session: string; part: number; text: string }
  /** The full records of entities and notes, for a card about to open; answered with PageRecords. */
  | { type: 'backstory:records'; entityIds: string[]; noteIds: string[] }
  /**
   * What a tab's page now reports (its entities found and its article's
   * notes), sent by its content script when that changes, so the popup can
   * ask for the tab's timeline before the page's report reaches it
   * (`backstory:for-tab`); answered with true.
   */
  | ({ type: 'backstory:found' } & FoundIds);

/** What the popup and Backstory's own pages ask the background (they have no tab). */
export type ExtensionPageRequest =
  /** What the print page prints of everything a page reported; answered with PrintRecords (lib/extension/print/print-records.ts). */
  | { type: 'backstory:print-records'; entityIds: string[]; noteIds: string[] }
  /** The timeline of what a page reported (the popup and Backstory's pages ask); answered with TimelineData. */
  | { type: 'backstory:timeline'; entityIds: string[]; noteIds: string[] }
  /**
   * The timeline or the print records of what a tab last said it found (the
   * popup and the print page ask before the page's report reaches them); answered
   * with a ForTab, or an error when the tab has said nothing.
   */
  | { type: 'backstory:for-tab'; tabId: number; want: ForTabWant };

export type BackgroundRequest = PageRequest | ExtensionPageRequest;

/** What `backstory:for-tab` asks for: the answer of `backstory:timeline` or of `backstory:print-records`. */
export type ForTabWant = 'timeline' | 'print-records';

/** What a page's report names: the entities found on it and its article's notes (`backstory:found`). */
export interface FoundIds {
  entityIds: string[];
  noteIds: string[];
}

/** The background's answer to `backstory:for-tab`: the ids the tab last said it found, and what was asked for them. */
export interface ForTab<T> extends FoundIds {
  data: T;
}

/**
 * What a receiver answers to a message it will not act on. Listeners answer
 * this value instead of throwing: a throw inside a listener reaches the
 * sender as an unreadable error, and in the content script it runs on the
 * reader's page.
 */
export interface MessageError {
  error: 'invalid-message';
  reason: string;
}

/** A schema: the message's fields checked one by one; a reason when they do not hold. */
type Schema<T> = (message: Record<string, unknown>) => T | string;

/** Ids in the data are short slugs; anything longer is not one of ours. */
const MAX_ID_LENGTH = 200;
/** A hostname or path longer than this is not a page of the publisher's. */
const MAX_URL_PART = 4096;
/** Badge counts beyond this are not a page's annotations (the badge shows 999+ from 1,000). */
export const MAX_BADGE_COUNT = 1_000_000;

/** A plain object (not null, not an array): what every message and answer must be. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A card asks for one entity and its notes. More than this is not a card's. */
const MAX_RECORD_IDS = 200;

/** A page reports at most this many entities and notes (a set many times today's size would still fit). */
const MAX_PAGE_IDS = 10_000;

function isIdList(value: unknown, max = MAX_RECORD_IDS): value is string[] {
  return Array.isArray(value) && value.length <= max && value.every((id) => typeof id === 'string' && id.length > 0 && id.length <= MAX_ID_LENGTH);
}

/** What a page's report names, as `backstory:found` carries it and `backstory:for-tab` answers with it. */
export function isFoundIds(value: unknown): value is FoundIds {
  return isRecord(value) && isIdList(value.entityIds, MAX_PAGE_IDS) && isIdList(value.noteIds, MAX_PAGE_IDS);
}

function isCount(value: unknown, max = Number.MAX_SAFE_INTEGER): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= max;
}

function isTooLong(value: unknown): value is TooLong {
  if (!isRecord(value) || !isCount(value.textChars) || !isCount(value.maxTextChars)) return false;
  const { nodeChars, maxNodeChars } = value;
  return (nodeChars === undefined && maxNodeChars === undefined) || (isCount(nodeChars) && isCount(maxNodeChars));
}

/** One schema per message kind; sender and receiver both check against it. */
const CONTENT_SCHEMAS: { [K in ContentRequest['type']]: Schema<Extract<ContentRequest, { type: K }>> } = {
  'backstory:get-report': () => ({ type: 'backstory:get-report' }),
  'backstory:reveal': ({ target }) => {
    if (!isRecord(target)) return 'reveal needs a target object';
    const { kind, id } = target;
    if (kind !== 'entity' && kind !== 'note') return 'reveal target kind must be "entity" or "note"';
    if (typeof id !== 'string' || id.length === 0 || id.length > MAX_ID_LENGTH) return 'reveal target id must be a short string';
    return { type: 'backstory:reveal', target: { kind, id } };
  },
  'backstory:get-article-text': () => ({ type: 'backstory:get-article-text' }),
};

/**
 * Kept apart from the extension pages' schemas so the content script, which
 * sends only these, does not ship the others.
 */
const PAGE_SCHEMAS: { [K in PageRequest['type']]: Schema<Extract<PageRequest, { type: K }>> } = {
  'backstory:badge': ({ count }) =>
    isCount(count, MAX_BADGE_COUNT) ? { type: 'backstory:badge', count } : `badge count must be an integer from 0 to ${MAX_BADGE_COUNT}`,
  'backstory:article': ({ hostname, pathname }) =>
    typeof hostname === 'string' && hostname.length <= MAX_URL_PART && typeof pathname === 'string' && pathname.length <= MAX_URL_PART
      ? { type: 'backstory:article', hostname, pathname }
      : 'article lookup needs a hostname and a pathname',
  'backstory:analyse': ({ request, textParts }) => {
    if (!isRecord(request)) return 'analyse needs a request object';
    if (textParts !== undefined && (!isTextPartsRef(textParts) || request.text !== '')) return 'analyse textParts must name a session and its part count, with an empty text';
    const { text, pageDate, articleId, entityTypes } = request;
    if (typeof text !== 'string' || text.length > MAX_TEXT_CHARS) return `analyse text must be a string of at most ${MAX_TEXT_CHARS} characters`;
    if (pageDate !== null && (typeof pageDate !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(pageDate))) return 'analyse pageDate must be YYYY-MM-DD or null';
    if (articleId !== null && (typeof articleId !== 'string' || articleId.length === 0 || articleId.length > MAX_ID_LENGTH)) return 'analyse articleId must be a short string or null';
    if (!Array.isArray(entityTypes) || !entityTypes.every((t) => (ENTITY_TYPES as readonly unknown[]).includes(t))) return 'analyse entityTypes must list known entity types';
    const parsed = { text, pageDate, articleId, entityTypes: entityTypes as EntityType[] };
    return textParts === undefined ? { type: 'backstory:analyse', request: parsed } : { type: 'backstory:analyse', request: parsed, textParts };
  },
  'backstory:text-part': (message) =>
    isTextPart(message)
      ? { type: 'backstory:text-part', session: message.session, part: message.part, text: message.text }
      : `text-part needs a session, a part number and at most ${TEXT_PART_CHARS} characters of text`,
  'backstory:records': ({ entityIds, noteIds }) =>
    isIdList(entityIds) && isIdList(noteIds) ? { type: 'backstory:records', entityIds, noteIds } : `records needs lists of at most ${MAX_RECORD_IDS} ids`,
  'backstory:found': (message) =>
    isFoundIds(message)
      ? { type: 'backstory:found', entityIds: message.entityIds, noteIds: message.noteIds }
      : `found needs lists of at most ${MAX_PAGE_IDS} ids`,
};

const EXTENSION_PAGE_SCHEMAS: { [K in ExtensionPageRequest['type']]: Schema<Extract<ExtensionPageRequest, { type: K }>> } = {
  'backstory:print-records': ({ entityIds, noteIds }) =>
    isIdList(entityIds, MAX_PAGE_IDS) && isIdList(noteIds, MAX_PAGE_IDS)
      ? { type: 'backstory:print-records', entityIds, noteIds }
      : `print records needs lists of at most ${MAX_PAGE_IDS} ids`,
  'backstory:timeline': ({ entityIds, noteIds }) =>
    isIdList(entityIds, MAX_PAGE_IDS) && isIdList(noteIds, MAX_PAGE_IDS)
      ? { type: 'backstory:timeline', entityIds, noteIds }
      : `timeline needs lists of at most ${MAX_PAGE_IDS} ids`,
  'backstory:for-tab': ({ tabId, want }) =>
    isCount(tabId, Number.MAX_SAFE_INTEGER) && (want === 'timeline' || want === 'print-records')
      ? { type: 'backstory:for-tab', tabId, want }
      : 'for-tab needs a tab id (an integer from 0) and what is wanted ("timeline" or "print-records")',
};

export type Parsed<T> = { ok: true; message: T } | { ok: false; error: MessageError };

function parseWith<T>(schemas: Record<string, Schema<T>>, message: unknown): Parsed<T> {
  const fail = (reason: string): Parsed<T> => ({ ok: false, error: { error: 'invalid-message', reason } });
  if (!isRecord(message)) return fail('a message must be an object');
  const { type } = message;
  // Own keys only: "__proto__" or "toString" must not find a schema.
  if (typeof type !== 'string' || !Object.prototype.hasOwnProperty.call(schemas, type)) return fail('unknown message type');
  const result = schemas[type](message);
  return typeof result === 'string' ? fail(result) : { ok: true, message: result };
}

/** A message to the content script, checked (the content script and the popup share this). */
export function parseContentRequest(message: unknown): Parsed<ContentRequest> {
  return parseWith<ContentRequest>(CONTENT_SCHEMAS as Record<string, Schema<ContentRequest>>, message);
}

/** A content script's message, checked (the content script checks what it sends). */
export function parsePageRequest(message: unknown): Parsed<PageRequest> {
  return parseWith<PageRequest>(PAGE_SCHEMAS as Record<string, Schema<PageRequest>>, message);
}

/** An extension page's message, checked. */
export function parseExtensionPageRequest(message: unknown): Parsed<ExtensionPageRequest> {
  return parseWith<ExtensionPageRequest>(EXTENSION_PAGE_SCHEMAS as Record<string, Schema<ExtensionPageRequest>>, message);
}

/** Any message to the background, checked (the background checks everything it receives). */
export function parseBackgroundRequest(message: unknown): Parsed<BackgroundRequest> {
  // Both tables, joined only here: the content script, which never calls this, ships the page's alone.
  return parseWith<BackgroundRequest>({ ...PAGE_SCHEMAS, ...EXTENSION_PAGE_SCHEMAS } as Record<string, Schema<BackgroundRequest>>, message);
}

/**
 * Sends a request to the background only if its own schema accepts it; the
 * answer, or undefined when it was refused here or could not be delivered
 * (the extension was reloaded or updated under the sender). Callers check
 * the answer's shape before use.
 */
export async function askBackground<T extends BackgroundRequest>(
  send: (message: T) => Promise<unknown>,
  message: T,
  parse: (message: unknown) => Parsed<T>,
): Promise<unknown> {
  const parsed = parse(message);
  if (!parsed.ok) return undefined;
  try {
    return await send(parsed.message);
  } catch {
    return undefined;
  }
}

export function isMessageError(value: unknown): value is MessageError {
  return isRecord(value) && value.error === 'invalid-message' && typeof value.reason === 'string';
}

function isEntityFound(value: unknown): boolean {
  return isRecord(value) && typeof value.id === 'string' && typeof value.name === 'string' && typeof value.type === 'string' && isCount(value.mentions);
}

function isNoteOnPage(value: unknown): boolean {
  return (
    isRecord(value) &&
    typeof value.id === 'string' &&
    typeof value.title === 'string' &&
    (value.period === 'background' || value.period === 'after') &&
    typeof value.placed === 'boolean' &&
    typeof value.singleSource === 'boolean'
  );
}

function isArticleSummary(value: unknown): boolean {
  return (
    isRecord(value) &&
    ['id', 'url', 'headline', 'publisher', 'published', 'lang'].every((key) => typeof value[key] === 'string') &&
    (value.asOf === undefined || typeof value.asOf === 'string') &&
    Array.isArray(value.summary)
  );
}

/** The content script's answer to get-report, as the popup receives it: anything else is no answer. */
export function isPageReport(value: unknown): value is PageReport {
  return (
    isRecord(value) &&
    typeof value.status === 'string' &&
    PAGE_STATUSES.includes(value.status) &&
    typeof value.url === 'string' &&
    (value.article === undefined || isArticleSummary(value.article)) &&
    Array.isArray(value.entities) &&
    value.entities.every(isEntityFound) &&
    Array.isArray(value.notes) &&
    value.notes.every(isNoteOnPage) &&
    isCount(value.annotationCount) &&
    typeof value.checkedTo === 'string' &&
    (value.pageDate === undefined || typeof value.pageDate === 'string') &&
    (value.tooLong === undefined || isTooLong(value.tooLong)) &&
    (value.annotateMs === undefined || (typeof value.annotateMs === 'number' && Number.isFinite(value.annotateMs)))
  );
}

/** Badge text for a count: empty for none, capped like Hypothesis' badge. */
export function badgeText(count: number): string {
  if (!isCount(count) || count === 0) return '';
  return count > 999 ? '999+' : String(count);
}
