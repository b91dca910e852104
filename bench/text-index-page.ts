/**
 * The page side of bench/text-index.ts, bundled into the page with both
 * implementations of the text index.
 */
import type { TextIndex, TextIndexOptions } from '../lib/content/text-index';

type IndexSteps = (root: Element, options: TextIndexOptions) => Generator<void, TextIndex>;

export interface Figures {
  longestSliceMs: number;
  /** The longest single step of the walk (one next() call), and the last one (which writes the text out). */
  longestStepMs: number;
  lastStepMs: number;
  workMs: number;
  textChars: number;
  offsetOfMedianUs: number;
  offsetOfWorstUs: number;
  toRangeMedianUs: number;
  toRangeWorstUs: number;
}

/** One implementation on the page's article: the walk, sliced, then the lookups. */
export async function measureTextIndex(textIndexSteps: IndexSteps, maxChars: number, sliceMs: number): Promise<Figures> {
  // The stress pages' article body, or the 1 MB page's article.
  const root = document.querySelector('.article__body') ?? document.querySelector('article')!;
  const steps = textIndexSteps(root, { maxChars });
  const slices: number[] = [];
  let sliceStart = performance.now();
  let index: TextIndex;
  let longestStepMs = 0;
  let lastStepMs = 0;
  for (;;) {
    const before = performance.now();
    const step = steps.next();
    lastStepMs = performance.now() - before;
    longestStepMs = Math.max(longestStepMs, lastStepMs);
    if (step.done) {
      index = step.value;
      break;
    }
    if (performance.now() - sliceStart >= sliceMs) {
      slices.push(performance.now() - sliceStart);
      await new Promise((resolve) => setTimeout(resolve, 0));
      sliceStart = performance.now();
    }
  }
  slices.push(performance.now() - sliceStart);
  // A fixed pseudo-random sequence, the same for both implementations.
  let seed = 12345;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  // The article's text nodes, from the DOM: the index keeps few of them (offset-map.ts).
  const nodes: Text[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
  const offsetOf: number[] = [];
  const toRange: number[] = [];
  for (let i = 0; i < 2000; i++) {
    const node = nodes[Math.floor(random() * nodes.length)];
    const offset = Math.floor(random() * node.length);
    let t = performance.now();
    index.offsetOf(node, offset);
    offsetOf.push((performance.now() - t) * 1000);
    const start = Math.floor(random() * (index.text.length - 40));
    t = performance.now();
    index.toRange(start, start + 10 + Math.floor(random() * 30));
    toRange.push((performance.now() - t) * 1000);
  }
  const median = (v: number[]) => v.sort((a, b) => a - b)[v.length >> 1];
  return {
    longestSliceMs: Math.max(...slices),
    longestStepMs,
    lastStepMs,
    workMs: slices.reduce((a, b) => a + b, 0),
    textChars: index.text.length,
    offsetOfMedianUs: median(offsetOf),
    offsetOfWorstUs: Math.max(...offsetOf),
    toRangeMedianUs: median(toRange),
    toRangeWorstUs: Math.max(...toRange),
  };
}

