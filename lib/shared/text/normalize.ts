/**
 * Character normalisation shared by the text index, the data check and the
 * matchers, so that a quote in `data/` and the page's text compare equal
 * whatever quotes, spaces or soft hyphens the page uses.
 *
 * Every rule maps one UTF-16 code unit to at most one code unit, so an index
 * can map each normalised character back to exactly one character of the page.
 */

/** Code unit → replacement: -1 drops it, 32 is whitespace, else the code to emit. */
export function normalizeCode(code: number): number {
  if (code < 0x80) return code === 9 || code === 10 || code === 11 || code === 12 || code === 13 ? 32 : code;
  switch (code) {
    case 0x2018: // ‘ ’ ‚ ‛ ′ ʼ
    case 0x2019:
    case 0x201a:
    case 0x201b:
    case 0x2032:
    case 0x02bc:
      return 0x27;
    case 0x201c: // “ ” „ ‟ ″
    case 0x201d:
    case 0x201e:
    case 0x201f:
    case 0x2033:
      return 0x22;
    case 0x00ad: // soft hyphen, zero-width space/joiners, word joiner, BOM
    case 0x200b:
    case 0x200c:
    case 0x200d:
    case 0x2060:
    case 0xfeff:
      return -1;
    case 0xa0: // no-break and other spaces
    case 0x1680:
    case 0x202f:
    case 0x205f:
    case 0x3000:
      return 32;
    default:
      return code >= 0x2000 && code <= 0x200a ? 32 : code;
  }
}

/*
 * The same rules as character classes, for strings: regular-expression
 * replacement runs in the engine's native code, which matters on the first
 * (cold, interpreted) run on a page. A unit test checks them against
 * normalizeCode for every code unit.
 */
const SPACE_CHARS = '\\t\\n\\v\\f\\r \\u00a0\\u1680\\u2000-\\u200a\\u202f\\u205f\\u3000';
const DROPPED_CHARS = '\\u00ad\\u200b-\\u200d\\u2060\\ufeff';
const DROPPED = new RegExp(`[${DROPPED_CHARS}]+`, 'g');
const SPACE_RUNS = new RegExp(`[${SPACE_CHARS}]+`, 'g');
const QUOTES = /[\u2018-\u201f\u2032\u2033\u02bc]/g;
const DOUBLE_QUOTE = /[\u201c-\u201f\u2033]/;
/** Printable ASCII words with single spaces: text that needs no change at all (the commonest case). */
export const ASCII_WORDS = /^[\x21-\x7e]+(?: [\x21-\x7e]+)*$/;

/**
 * Text that normalises one code unit to one: words of characters that are
 * neither whitespace nor dropped, separated by single spaces (curly quotes
 * allowed: they map to one straight quote each).
 */
export const ONE_TO_ONE_TEXT = new RegExp(`^[^${SPACE_CHARS}${DROPPED_CHARS}]+(?: [^${SPACE_CHARS}${DROPPED_CHARS}]+)*$`);

/** Curly quotes (and primes) to straight ones: one code unit for one, so offsets keep. */
export function straightenQuotes(text: string): string {
  return text.replace(QUOTES, (quote) => (DOUBLE_QUOTE.test(quote) ? '"' : "'"));
}

/**
 * Normalise a string the way the text index normalises page text: curly
 * quotes to straight, invisible characters dropped, whitespace runs to one
 * space. Leading and trailing spaces are kept (a selector's prefix may end
 * in one).
 */
export function normalizeText(text: string): string {
  if (ASCII_WORDS.test(text)) return text;
  return straightenQuotes(text.replace(DROPPED, '').replace(SPACE_RUNS, ' '));
}

/** For loose equality (headlines): also folds dashes and case, and trims. */
export function normalizeForComparison(text: string): string {
  return normalizeText(text).replace(/[\u2010-\u2015\u2212]/g, '-').trim().toLowerCase();
}
