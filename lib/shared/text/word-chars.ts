/** Word-character tests shared by the mention matcher and the data check. */

const WORD = /[\p{L}\p{N}\p{M}]/u;
// 0 = not yet known, 1 = word character, 2 = not.
const cache = new Uint8Array(65536);

/** True for letters, digits and combining marks (any script). */
export function isWordCode(code: number): boolean {
  if (code < 128) {
    return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  }
  // The non-ASCII characters of English news text, answered without the
  // regular expression below, whose Unicode classes take the engine about a
  // millisecond to compile on the page: dashes, ellipses and other general
  // punctuation (none a letter, digit or mark), and accented Latin letters.
  if (code >= 0x2000 && code <= 0x206f) return false;
  if (code >= 0xc0 && code <= 0xff) return code !== 0xd7 && code !== 0xf7;
  let known = cache[code];
  if (known === 0) {
    known = WORD.test(String.fromCharCode(code)) ? 1 : 2;
    cache[code] = known;
  }
  return known === 1;
}

/**
 * Lower-cases without changing the length, so offsets in the result are
 * offsets in the input ("İ".toLowerCase() is two code units long: such
 * characters are left as they are).
 */
export function lowerCaseSameLength(text: string): string {
  const lowered = text.toLowerCase();
  if (lowered.length === text.length) return lowered;
  let out = '';
  for (const ch of text) {
    const l = ch.toLowerCase();
    out += l.length === ch.length ? l : ch;
  }
  return out;
}
