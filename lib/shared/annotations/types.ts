/**
 * The annotation set's data model.
 *
 * Modelled on the W3C Web Annotation Data Model
 * (https://www.w3.org/TR/annotation-model/): a background note is an
 * annotation with motivation "describing" whose target is a passage picked
 * out by a TextQuoteSelector (with a TextPositionSelector as a hint); an
 * entity mention is an "identifying" annotation produced at run time from
 * the entity's surface forms.
 *
 * These types mirror the JSON Schemas in `data/schema/`; `npm run check:data`
 * validates every file against those schemas before anything reads it.
 */

/** ISO 8601 calendar date: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
export type IsoDate = string;

export type EntityType =
  | 'person'
  | 'organization'
  | 'place'
  | 'agreement'
  | 'policy'
  | 'event'
  | 'concept';

export const ENTITY_TYPES: readonly EntityType[] = [
  'person',
  'organization',
  'place',
  'agreement',
  'policy',
  'event',
  'concept',
];

export type TextDirection = 'ltr' | 'rtl' | 'auto';

/**
 * What kind of publisher a source is. It decides how much a fact can rest on
 * it: advocacy and state media back a fact only beside an independent source
 * or as an attributed account (see data/README.md, "Source policy").
 */
export type SourceKind = 'wire' | 'news' | 'official' | 'reference' | 'research' | 'advocacy' | 'state-media';

export const SOURCE_KINDS: readonly SourceKind[] = ['wire', 'news', 'official', 'reference', 'research', 'advocacy', 'state-media'];

/**
 * A cited work, described once in the register (data/sources.json) and cited
 * everywhere by id. `url` is always https and canonical.
 */
export interface Source {
  /** Register id, unique across the set; entries and facts cite it. */
  id: string;
  title: string;
  publisher: string;
  url: string;
  /** Publication date of the cited page, where known. */
  date?: IsoDate;
  kind?: SourceKind;
  /**
   * The wire service whose story this page carries ("AP", "Reuters"), when a
   * newspaper republishes it: two copies of one wire story are one source.
   */
  origin?: string;
}

/**
 * A claim that rests on one unnamed source, and what the other accounts say.
 * The article's own scoop is one: Iran International cites an unnamed source
 * for a letter from Khamenei, while official Iranian accounts describe a
 * message from President Pezeshkian.
 */
export interface SingleSourceCaveat {
  /** The claim, attributed ("Iran International reported, citing an unnamed source, that ..."). */
  claim: string;
  /** What other accounts say. */
  otherAccounts: string;
  /** Register ids of the sources for the other accounts. */
  sources: string[];
}

/** A dated fact with its sources. */
export interface Fact {
  /** When it happened (the start, for a period). */
  date: IsoDate;
  /** End of the period, for facts that span one. */
  endDate?: IsoDate;
  text: string;
  /** Register ids of the sources. At least one. */
  sources: string[];
  singleSource?: SingleSourceCaveat;
}

/**
 * A way the entity is written in text.
 *
 * - `name`: a proper name or part of one ("Abbas Araghchi", "Araghchi").
 * - `variant`: another spelling of a name; `canonical` names that form.
 * - `title`: a title or description that names the entity only while it
 *   holds it ("the Supreme Leader"); give `validFrom`/`validTo`.
 * - `alias`: any other fixed way of naming it ("the Islamic Republic").
 *
 * - `short`: a surname, a first name or a short title that may mean several
 *   entities ("Khamenei", "Mojtaba", "the Foreign Ministry"): it links only
 *   to an entity the page names in full (see lib/shared/mentions/resolve-mentions.ts).
 * - `block`: words that contain a form but are not the entity ("The
 *   Washington Post", "North Korea’s supreme leader"): they link nothing, and
 *   as the longer match they keep the shorter form from matching inside them.
 *
 * A form with `validFrom` or `validTo` is ambiguous over time: it is matched
 * only on pages whose publication date is known and inside the range.
 * Possessives ("Khamenei’s") need no form of their own: the apostrophe ends
 * the word, so "Khamenei" matches.
 */
export interface SurfaceForm {
  text: string;
  kind: 'name' | 'variant' | 'title' | 'alias' | 'short' | 'block';
  /** For `variant`: the form (of this entity) it is a spelling of. */
  canonical?: string;
  /** First publication date on which the form refers to this entity. */
  validFrom?: IsoDate;
  /** Last publication date on which the form refers to this entity. */
  validTo?: IsoDate;
  /** Match regardless of letter case (default: case must match). */
  ignoreCase?: boolean;
  /**
   * For `short` forms: words right before or after the form that show this
   * entity is meant ("’s death" after "Khamenei" on a 2026 page).
   */
  cues?: { before?: string[]; after?: string[] };
  /**
   * For `short` forms: may link with no full name on the page when this is
   * the only entity the form can mean on the page's date ("Khamenei" on a
   * 2025 page, before his son succeeded him).
   */
  alone?: boolean;
}

/** The entity's name in its own script, with the source that gives it. */
export interface NativeName {
  text: string;
  /** BCP 47 language tag ("fa", "zh", "ru", "ar"). */
  lang: string;
  dir?: TextDirection;
  sources: string[];
}

/**
 * An office held over a period. A role without `to` is one the entity still
 * held when last checked: `asOf` says when, and the card says "as of" it.
 */
export interface Role {
  title: string;
  from: IsoDate;
  to?: IsoDate;
  /** Why the role ended ("killed in an Israeli strike"), shown with `to`. */
  endReason?: string;
  asOf?: IsoDate;
  sources: string[];
}

export interface Entity {
  id: string;
  name: string;
  type: EntityType;
  surfaceForms: SurfaceForm[];
  /** At most 280 characters. */
  description: string;
  facts: Fact[];
  /** Register ids of every source the card lists (its facts' and the description's). */
  sources: string[];
  /** Wikidata item id, only where verified. */
  wikidata?: string;
  nativeName?: NativeName;
  roles?: Role[];
  /** Date of the latest fact checked for this entry. */
  asOf: IsoDate;
  lang?: string;
  dir?: TextDirection;
}

/** W3C TextQuoteSelector (§4.2.4). */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix?: string;
  suffix?: string;
}

/**
 * W3C TextPositionSelector (§4.2.5), used only as a hint. Offsets count
 * UTF-16 code units of the article's rendered text (see lib/text-index.ts),
 * not code points as the W3C model says; the two agree for text without
 * characters outside the Basic Multilingual Plane, such as this article's.
 */
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

export type Selector = TextQuoteSelector | TextPositionSelector;

/** W3C SpecificResource target: the article (by canonical URL) plus selectors. */
export interface NoteTarget {
  source: string;
  /** A TextQuoteSelector, optionally followed by a TextPositionSelector hint. */
  selector: Selector[];
}

export interface Note {
  id: string;
  title: string;
  /** Plain-text paragraphs. */
  body: string[];
  /** `background`: up to the article's date; `after`: what happened since. */
  period: 'background' | 'after';
  /** Register ids of every source the note lists. */
  sources: string[];
  /** Ids of the entities the note concerns. */
  entities: string[];
  targets: NoteTarget[];
  /** Key dated facts, each cited. */
  facts: Fact[];
  singleSource?: SingleSourceCaveat;
  asOf: IsoDate;
  lang?: string;
  dir?: TextDirection;
}

export interface SummaryPoint {
  text: string;
  /** The point rests on the article's single unnamed source. */
  singleSource?: boolean;
}

/** Which URLs are this article: any listed host with one of the paths. */
export interface UrlRule {
  hosts: string[];
  /** Exact path without trailing slash, query or fragment ("/en/202504220389"). */
  path: string;
}

export interface Article {
  id: string;
  url: string;
  urlRules: UrlRule[];
  headline: string;
  /** Entity id of the publisher. */
  publisher: string;
  published: IsoDate;
  lang: string;
  dir?: TextDirection;
  /** Short verbatim quotes from the body that confirm the page is this article. */
  fingerprints: string[];
  /** 3 to 6 key points for the popup. */
  summary: SummaryPoint[];
  singleSource?: SingleSourceCaveat;
  /** Ids of the entities the article names (each must occur in its text). */
  mentions: string[];
  /** Ids of the notes that belong to it. */
  notes: string[];
  /** Register ids. */
  sources: string[];
  asOf: IsoDate;
}

/**
 * One event that several entries describe (data/events.json). A fact belongs
 * to it when the fact's owner is a member and the fact's date is the
 * event's: cards keep their own wording, the timeline shows the event once.
 */
export interface SharedEvent {
  id: string;
  date: IsoDate;
  endDate?: IsoDate;
  title: string;
  /** Ids of the entities and notes whose facts describe it. */
  members: string[];
}

/** Everything the extension bundles. */
export interface AnnotationSet {
  entities: Entity[];
  notes: Note[];
  articles: Article[];
  /** The source register: every cited work, once. */
  sources: Source[];
  /**
   * The date the set's background was last checked against published
   * reporting (data/set.json). The popup shows it, so a reader of an old build
   * knows the background may have moved on; no date in the set may be later.
   */
  checkedTo: IsoDate;
  /** Shared events (data/events.json); absent in sets built before it existed. */
  events?: SharedEvent[];
}
