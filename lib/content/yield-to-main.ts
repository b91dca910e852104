/**
 * Gives the main thread back to the page between chunks of Backstory's
 * work, so no task of Backstory's runs long
 * (https://web.dev/articles/optimize-long-tasks) and the page's own work
 * keeps its pace while a long pass runs.
 *
 * Why setTimeout(0), chosen by measurement:
 * - `scheduler.yield()` continuations are queued ahead of the page's own
 *   tasks, so a pass of many chunks runs before any of the page's timers:
 *   the red-team review measured the page's setTimeout(0) chain blocked
 *   2.8 s in Chromium (3.9 s in Firefox) on a 10 MB page (S1, F6), and
 *   input waiting about 100 ms with no long task (S5).
 * - A message-channel task avoids the 4 ms clamp of nested timeouts, but it
 *   is another queue than the page's timers, and Chromium ran it ahead of
 *   them: in tests/browser/yield-to-page.test.ts (a 50,000-mention pass) the
 *   page's setTimeout(0) chain ran 12 times in a 2.5 s pass, its worst wait
 *   1.9 s; with setTimeout yields 15 times in 0.9 s, worst 0.47 s (both on
 *   this shared machine at load 11, so only the ordering is asserted).
 * - A timeout joins the page's own timers in their queue, behind those
 *   already due, in both browsers: each of the page's timers waits at most
 *   one of our chunks. The clamp costs a third more wall time on a long
 *   pass, idle time the page can use. `scheduler.postTask` with background
 *   priority would let a page that keeps its queue busy starve the pass.
 */
export function yieldToPage(): Promise<void> {
  // A callback of this script, not the promise's native resolve: a trace then
  // names this script in the task of every resumed slice. With resolve alone
  // the slices ran as microtasks of a task with no script URL, and the bench
  // (bench/measure-stress.ts) lost whole chains of them when the first yield
  // came from code resumed by a message's answer (traces of 2026-12-02).
  return new Promise((resolve) => setTimeout(() => resolve(), 0));
}

/**
 * Longest stretch of work between two yields. Chromium counts a task over
 * 50 ms as long and an input that waits more than 100 ms as slow; 8 ms
 * leaves room for a step that overruns its check (one DOM walk step, one
 * chunk of matching) and for the frame the page draws between chunks.
 */
export const SLICE_MS = 8;

/** Runs steps, yielding whenever `budgetMs` of main-thread time has been used. */
export class TimeSlicer {
  private sliceStart = performance.now();

  constructor(
    private readonly budgetMs = SLICE_MS,
    private readonly isCancelled: () => boolean = () => false,
  ) {}

  /** Call between steps; resolves to false when the work was cancelled meanwhile. */
  async checkpoint(): Promise<boolean> {
    if (performance.now() - this.sliceStart >= this.budgetMs) {
      await yieldToPage();
      this.sliceStart = performance.now();
    }
    return !this.isCancelled();
  }

  /** True when the current slice is used up (a synchronous loop should stop and call checkpoint). */
  due(): boolean {
    return performance.now() - this.sliceStart >= this.budgetMs;
  }

  /**
   * Runs a generator of steps to its end, with a checkpoint at each of its
   * yields; resolves to its return value, or to `cancelled` when cancelled.
   */
  async run<T, C>(steps: Generator<unknown, T>, cancelled: C): Promise<T | C> {
    for (let step = steps.next(); ; step = steps.next()) {
      if (step.done) return step.value;
      if (this.due() && !(await this.checkpoint())) return cancelled;
    }
  }
}
