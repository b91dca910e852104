/**
 * Character normalisation shared by the text index, the data check and the
 * matchers, so that a quote in `data/` and the page's text compare equal
 * whatever quotes, spaces or soft hyphens the page uses.
 *
 * Every rule maps one UTF-16 code unit to at most one code unit, so an index
 * can map each normalised character back to exactly one character of the page.
 */

const SINGLE_QUOTES = /[\u2018\u2019\u201A\u201B\u2032\u02BC]/g;
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u2033]/g;
const DROPPED = /[\u00AD\u200B\u200C\u200D\u2060\uFEFF]/g;
const WHITESPACE_RUN = /[\s\u00A0\u2000-\u200A\u202F\u205F\u3000]+/g;
const DASHES = /[\u2010-\u2015\u2212]/g;

/** Code unit → replacement: -1 drops it, 32 is whitespace, else the code to emit. */
export function normalizeCode(code: number): number {
  switch (code) {
    case 0x2018:
    case 0x2019:
    case 0x201a:
    case 0x201b:
    case 0x2032:
    case 0x02bc:
      return 0x27; // '
    case 0x201c:
    case 0x201d:
    case 0x201e:
    case 0x201f:
    case 0x2033:
      return 0x22; // "
    case 0x00ad: // soft hyphen
    case 0x200b:
    case 0x200c:
    case 0x200d:
    case 0x2060:
    case 0xfeff:
      return -1;
    case 0x09:
    case 0x0a:
    case 0x0b:
    case 0x0c:
    case 0x0d:
    case 0x20:
    case 0xa0:
    case 0x1680:
    case 0x202f:
    case 0x205f:
    case 0x3000:
      return 32;
    default:
      return code >= 0x2000 && code <= 0x200a ? 32 : code;
  }
}

/**
 * Normalise a string the way the text index normalises page text: curly
 * quotes to straight, invisible characters dropped, whitespace runs to one
 * space. Leading and trailing spaces are kept (a selector's prefix may end
 * in one).
 */
export function normalizeText(text: string): string {
  return text
    .replace(SINGLE_QUOTES, "'")
    .replace(DOUBLE_QUOTES, '"')
    .replace(DROPPED, '')
    .replace(WHITESPACE_RUN, ' ');
}

/** For loose equality (headlines): also folds dashes and case, and trims. */
export function normalizeForComparison(text: string): string {
  return normalizeText(text).replace(DASHES, '-').trim().toLowerCase();
}
