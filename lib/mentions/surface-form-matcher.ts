/**
 * Finds every occurrence of many surface forms in one pass over the text.
 *
 * A radix tree of all forms is walked from each word start, so the cost
 * is linear in the text length times the (short) depth reached, whatever the
 * number of forms: one pass, not one regular expression per term. Matches are
 * leftmost-longest and never overlap ("Supreme Leader Ayatollah Ali Khamenei"
 * is one mention, not three), start and end on word boundaries ("Xi" is not
 * found inside "Xinhai"), and an apostrophe ends a word, so "Khamenei" is
 * found in "Khamenei’s" once the text is normalised.
 */
import { isWordCode, lowerCaseSameLength } from '../text/word-chars';

export interface FormPattern<T> {
  /** The form, normalised like the text it is matched against. */
  text: string;
  ignoreCase: boolean;
  value: T;
}

export interface FormMatch<T> {
  start: number;
  end: number;
  value: T;
}

/**
 * A node of a radix tree (a trie whose single-child chains are merged into
 * one edge label): a 2,000-name set makes some 3,500 nodes instead of one
 * per character (21,000), and a match compares each label with one native
 * `startsWith` instead of walking it character by character.
 */
interface RadixNode<T> {
  /** The lower-cased text on the edge into this node (empty for the root). */
  label: string;
  /** Children by the first code unit of their label. */
  children: Map<number, RadixNode<T>> | null;
  accept: FormPattern<T>[] | null;
}

const newNode = <T>(label: string): RadixNode<T> => ({ label, children: null, accept: null });

/** Length of the common prefix of `label` and `key` from `from` (at least 1: first code units agree). */
function commonPrefix(label: string, key: string, from: number): number {
  let k = 1;
  while (k < label.length && from + k < key.length && label.charCodeAt(k) === key.charCodeAt(from + k)) k++;
  return k;
}

export class SurfaceFormMatcher<T> {
  private readonly root: RadixNode<T> = newNode('');
  /** The root's children for ASCII first characters, by code: every word start looks one up. */
  private readonly asciiRoots: (RadixNode<T> | undefined)[] = [];

  constructor(patterns: Iterable<FormPattern<T>>) {
    for (const pattern of patterns) {
      if (!pattern.text) continue;
      const key = lowerCaseSameLength(pattern.text);
      let node = this.root;
      let i = 0;
      while (i < key.length) {
        const children: Map<number, RadixNode<T>> = (node.children ??= new Map());
        const code = key.charCodeAt(i);
        let child = children.get(code);
        if (!child) {
          child = newNode(key.slice(i));
          children.set(code, child);
          node = child;
          break;
        }
        const k = commonPrefix(child.label, key, i);
        if (k < child.label.length) {
          // The key leaves (or ends inside) the edge: split it where they part.
          const middle = newNode<T>(child.label.slice(0, k));
          child.label = child.label.slice(k);
          middle.children = new Map([[child.label.charCodeAt(0), child]]);
          children.set(code, middle);
          child = middle;
        }
        node = child;
        i += k;
      }
      (node.accept ??= []).push(pattern);
    }
    for (let code = 0; code < 128; code++) this.asciiRoots.push(this.root.children?.get(code));
  }

  /**
   * Calls `onMatch` for each match starting in [from, to), allocating
   * nothing per match; returns where the scan stopped (after the last match
   * if it runs past `to`), where the next chunk should start.
   */
  forEachMatch(
    text: string,
    from: number,
    to: number,
    lowered: string,
    onMatch: (start: number, end: number, value: T) => void,
  ): number {
    const n = text.length;
    let previousIsWord = from > 0 && isWordCode(text.charCodeAt(from - 1));
    let i = from;
    while (i < to) {
      const isWord = isWordCode(text.charCodeAt(i));
      // Only a word start can begin a match.
      const end = isWord && !previousIsWord ? this.longestAt(text, lowered, i, n) : -1;
      if (end > 0) {
        onMatch(i, end, this.matched as T);
        i = end;
        previousIsWord = isWordCode(text.charCodeAt(i - 1));
      } else {
        previousIsWord = isWord;
        i++;
      }
    }
    return i;
  }

  /** The value of the last match longestAt found (saves an object per match). */
  private matched: T | undefined;

  /** End of the longest match starting at `start`, or -1; its value goes to `matched`. */
  private longestAt(text: string, lowered: string, start: number, n: number): number {
    const first = lowered.charCodeAt(start);
    let child = first < 128 ? this.asciiRoots[first] : this.root.children?.get(first);
    let best = -1;
    let j = start;
    while (child !== undefined) {
      const { label } = child;
      if (label.length > 1 && !lowered.startsWith(label, j)) break;
      j += label.length;
      if (child.accept) {
        const endsWord = isWordCode(text.charCodeAt(j - 1));
        if (!endsWord || j === n || !isWordCode(text.charCodeAt(j))) {
          const value = this.acceptable(child.accept, text, start);
          if (value !== undefined) {
            best = j;
            this.matched = value;
          }
        }
      }
      if (j >= n || child.children === null) break;
      child = child.children.get(lowered.charCodeAt(j));
    }
    return best;
  }

  private acceptable(accept: FormPattern<T>[], text: string, start: number): T | undefined {
    for (const pattern of accept) {
      // The trie matched the lower-cased text, so lengths agree: compare in place, no substring.
      if (pattern.ignoreCase || text.startsWith(pattern.text, start)) return pattern.value;
    }
    return undefined;
  }
}

/** All matches in `text`, in order (tests and the data check; the content script streams them). */
export function findAllMatches<T>(matcher: SurfaceFormMatcher<T>, text: string): FormMatch<T>[] {
  const matches: FormMatch<T>[] = [];
  matcher.forEachMatch(text, 0, text.length, lowerCaseSameLength(text), (start, end, value) => matches.push({ start, end, value }));
  return matches;
}
