/**
 * Finds every occurrence of many surface forms in one pass over the text.
 *
 * A character trie of all forms is walked from each word start, so the cost
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
 * A trie node. Most nodes of long names have a single child, kept inline
 * (`code`/`child`); a Map is made only where a node branches, so a trie of
 * thousands of forms allocates few Maps.
 */
interface TrieNode<T> {
  code: number;
  child: TrieNode<T> | null;
  next: Map<number, TrieNode<T>> | null;
  accept: FormPattern<T>[] | null;
}

const newNode = <T>(): TrieNode<T> => ({ code: -1, child: null, next: null, accept: null });

function childOf<T>(node: TrieNode<T>, code: number): TrieNode<T> | undefined {
  if (node.code === code) return node.child!;
  return node.next?.get(code);
}

function addChild<T>(node: TrieNode<T>, code: number): TrieNode<T> {
  const child = newNode<T>();
  if (node.child === null && node.next === null) {
    node.code = code;
    node.child = child;
  } else {
    (node.next ??= new Map()).set(code, child);
  }
  return child;
}

export class SurfaceFormMatcher<T> {
  private readonly root: TrieNode<T> = newNode();

  constructor(patterns: Iterable<FormPattern<T>>) {
    for (const pattern of patterns) {
      if (!pattern.text) continue;
      const key = lowerCaseSameLength(pattern.text);
      let node = this.root;
      for (let i = 0; i < key.length; i++) {
        const code = key.charCodeAt(i);
        node = childOf(node, code) ?? addChild(node, code);
      }
      (node.accept ??= []).push(pattern);
    }
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
    let node: TrieNode<T> | undefined = this.root;
    let best = -1;
    let j = start;
    while (node) {
      if (node.accept && j > start) {
        const endsWord = isWordCode(text.charCodeAt(j - 1));
        if (!endsWord || j === n || !isWordCode(text.charCodeAt(j))) {
          const value = this.acceptable(node.accept, text, start);
          if (value !== undefined) {
            best = j;
            this.matched = value;
          }
        }
      }
      if (j >= n) break;
      node = childOf(node, lowered.charCodeAt(j));
      j++;
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
