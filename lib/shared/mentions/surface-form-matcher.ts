/**
 * Finds every occurrence of many surface forms in one pass over the text.
 *
 * A regular expression made of the forms' possible first characters finds
 * the candidate word starts (natively, skipping the other words), and a
 * radix tree of all forms is walked from each, so the cost is linear in the
 * text length times the (short) depth reached, whatever the number of forms:
 * one pass, not one regular expression per term. Matches are
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
 * one edge label: a 2,000-name set makes some 3,500 nodes instead of one per
 * character, and a match compares each label with one native `startsWith`),
 * in a JSON-native shape so the build can ship the tree ready-made:
 * [the lower-cased text on the edge into the node, the ids of the forms that
 * end here (0 for none), the first code unit of each child's label, ...the
 * children in that order].
 */
export type FormTreeNode = [label: string, accept: number[] | 0, childKeys: string, ...children: FormTreeNode[]];

/**
 * Forms compiled for matching. Made by the build (annotation-data.js ships
 * the entity set's) because building the tree on the page cost 0.8 ms of the
 * article's 5 ms budget (#3); `compileForms` makes one anywhere else.
 */
export interface CompiledForms {
  /** Each form's normalised text (case is checked against it unless the form ignores case). */
  texts: string[];
  /** 1 where the form ignores case. */
  ignoreCase: number[];
  tree: FormTreeNode;
  /** The code units a match can begin with: the candidate scan's character class. */
  firstChars: string;
}

/** A node while the tree is built: children in a Map, converted to FormTreeNode at the end. */
interface BuildNode {
  label: string;
  children: Map<number, BuildNode> | null;
  accept: number[] | null;
}

const newNode = (label: string): BuildNode => ({ label, children: null, accept: null });

/** Length of the common prefix of `label` and `key` from `from` (at least 1: first code units agree). */
function commonPrefix(label: string, key: string, from: number): number {
  let k = 1;
  while (k < label.length && from + k < key.length && label.charCodeAt(k) === key.charCodeAt(from + k)) k++;
  return k;
}

/** The code units a text may have where a form begins: only word characters (a match starts a word). */
function addFirstCharacters(into: Set<number>, text: string, ignoreCase: boolean): void {
  const first = text[0];
  const variants = ignoreCase ? [first, first.toLowerCase(), first.toUpperCase()] : [first];
  for (const variant of variants) {
    // A variant that changes length under case mapping is not matched case-insensitively (see lowerCaseSameLength);
    // rarer case variants (a titlecase digraph, the Kelvin sign) do not begin a match either.
    if (variant.length === 1 && isWordCode(variant.charCodeAt(0))) into.add(variant.charCodeAt(0));
  }
}

function toTreeNode(node: BuildNode): FormTreeNode {
  const children = node.children ? [...node.children.values()] : [];
  return [node.label, node.accept ?? 0, children.map((child) => child.label[0]).join(''), ...children.map(toTreeNode)];
}

/** Compiles forms for SurfaceFormMatcher; a form's id is its index in `forms` (empty forms never match). */
export function compileForms(forms: readonly { text: string; ignoreCase: boolean }[]): CompiledForms {
  const root = newNode('');
  const firstCharacters = new Set<number>();
  forms.forEach(({ text, ignoreCase }, id) => {
    if (!text) return;
    const key = lowerCaseSameLength(text);
    addFirstCharacters(firstCharacters, text, ignoreCase);
    let node = root;
    let i = 0;
    while (i < key.length) {
      const children: Map<number, BuildNode> = (node.children ??= new Map());
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
        const middle = newNode(child.label.slice(0, k));
        child.label = child.label.slice(k);
        middle.children = new Map([[child.label.charCodeAt(0), child]]);
        children.set(code, middle);
        child = middle;
      }
      node = child;
      i += k;
    }
    (node.accept ??= []).push(id);
  });
  return {
    texts: forms.map((form) => form.text),
    ignoreCase: forms.map((form) => (form.ignoreCase ? 1 : 0)),
    tree: toTreeNode(root),
    firstChars: String.fromCharCode(...firstCharacters),
  };
}

/**
 * One of `chars` not preceded by an ASCII letter or digit. (Other letters
 * before it are ruled out afterwards with isWordCode: Unicode classes in a
 * look-behind would cost the engine milliseconds to compile on every page.)
 */
function candidatePattern(chars: string): RegExp {
  let members = '';
  for (let i = 0; i < chars.length; i++) members += `\\u${chars.charCodeAt(i).toString(16).padStart(4, '0')}`;
  return new RegExp(`(?<![0-9A-Za-z])[${members}]`, 'g');
}

/** The child of `node` whose label starts with code unit `code`. */
function childOf(node: FormTreeNode, code: number): FormTreeNode | undefined {
  const keys = node[2];
  // Most nodes have one to three children: a scan beats hashing.
  for (let i = 0; i < keys.length; i++) if (keys.charCodeAt(i) === code) return node[3 + i] as FormTreeNode;
  return undefined;
}

export class SurfaceFormMatcher<T> {
  /** The root's children for ASCII first characters, by code: every candidate looks one up. */
  private readonly asciiRoots: (FormTreeNode | undefined)[] = [];
  /**
   * Word starts whose first character can begin some form (a name's capital,
   * either case for forms that ignore case): the engine's regular-expression
   * scanner skips every other word, so in running text only one word in five
   * or so reaches the tree. Null when there are no forms.
   */
  private readonly candidates: RegExp | null;

  /**
   * @param valueOf the value a match of form `id` reports, or undefined where
   *   the form does not apply (a form whose owner changed by the page's date,
   *   an entity type turned off): the match is then the longest form that does.
   */
  constructor(
    private readonly forms: CompiledForms,
    private readonly valueOf: (id: number) => T | undefined,
  ) {
    const root = forms.tree;
    for (let code = 0; code < 128; code++) this.asciiRoots.push(undefined);
    for (let i = 0; i < root[2].length; i++) {
      const code = root[2].charCodeAt(i);
      if (code < 128) this.asciiRoots[code] = root[3 + i] as FormTreeNode;
    }
    this.candidates = forms.firstChars ? candidatePattern(forms.firstChars) : null;
  }

  /** A matcher for `patterns`, each reporting its own value. */
  static of<T>(patterns: readonly FormPattern<T>[]): SurfaceFormMatcher<T> {
    return new SurfaceFormMatcher(compileForms(patterns), (id) => patterns[id].value);
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
    const candidates = this.candidates;
    let next = to;
    if (!candidates) return next;
    // Scan only this chunk (and the character before it, for the look-behind):
    // a scan of the whole text would run on past `to` to the next candidate,
    // however far, once per chunk. V8 slices long strings without copying.
    const base = from > 0 ? from - 1 : 0;
    const chunk = base === 0 && to === n ? text : text.slice(base, to);
    candidates.lastIndex = from - base;
    while (candidates.test(chunk)) {
      const start = base + candidates.lastIndex - 1;
      if (start > 0 && isWordCode(text.charCodeAt(start - 1))) continue;
      const end = this.longestAt(text, lowered, start, n);
      if (end > 0) {
        onMatch(start, end, this.matched as T);
        if (end >= to) {
          next = end;
          break;
        }
        candidates.lastIndex = end - base;
      }
    }
    return next;
  }

  /** The value of the last match longestAt found (saves an object per match). */
  private matched: T | undefined;

  /** End of the longest match starting at `start`, or -1; its value goes to `matched`. */
  private longestAt(text: string, lowered: string, start: number, n: number): number {
    const first = lowered.charCodeAt(start);
    let child = first < 128 ? this.asciiRoots[first] : childOf(this.forms.tree, first);
    let best = -1;
    let j = start;
    while (child !== undefined) {
      const label = child[0];
      if (label.length > 1 && !lowered.startsWith(label, j)) break;
      j += label.length;
      const accept = child[1];
      if (accept !== 0) {
        const endsWord = isWordCode(text.charCodeAt(j - 1));
        if (!endsWord || j === n || !isWordCode(text.charCodeAt(j))) {
          const value = this.acceptable(accept, text, start);
          if (value !== undefined) {
            best = j;
            this.matched = value;
          }
        }
      }
      if (j >= n) break;
      child = childOf(child, lowered.charCodeAt(j));
    }
    return best;
  }

  private acceptable(accept: number[], text: string, start: number): T | undefined {
    const { texts, ignoreCase } = this.forms;
    for (const id of accept) {
      // The tree matched the lower-cased text, so lengths agree: compare in place, no substring.
      if (ignoreCase[id] !== 1 && !text.startsWith(texts[id], start)) continue;
      const value = this.valueOf(id);
      if (value !== undefined) return value;
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
