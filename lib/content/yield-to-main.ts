/**
 * Gives the main thread back to the page between chunks of Backstory's
 * work, so no task of Backstory's runs long
 * (https://web.dev/articles/optimize-long-tasks) and the page's own work
 * keeps its pace while a long pass runs.
 *
 * Why a plain task and not `scheduler.yield()`: a `scheduler.yield()`
 * continuation is queued ahead of the page's own tasks, so a pass of many
 * chunks runs before any of the page's timers or messages. The red-team
 * review (shared/reviews/redteam-2026-12.md, S1 and F6) measured the page's
 * own setTimeout(0) chain blocked for 2.8 s in Chromium (3.9 s in Firefox)
 * on a 10 MB page, and input waiting about 100 ms even with no long task
 * (S5). A message-channel task joins the back of the queue, behind what
 * the page already queued: each of the page's timers waits at most one of
 * our chunks. (A setTimeout-based yield would do the same but is clamped
 * to 4 ms after five nested calls: a third more wall time for a pass of
 * 8 ms chunks. `scheduler.postTask({ priority: 'background' })` would let a
 * page that keeps its queue busy starve the pass.) The bench's "page's own
 * timers" rows measure the choice in Chromium and Firefox.
 */
let channel: MessageChannel | null = null;
const waiting: (() => void)[] = [];

export function yieldToPage(): Promise<void> {
  // One channel for every yield: a channel per yield was 160 ms of a pass's
  // CPU profile on the bench's 200,000-node page.
  if (!channel) {
    channel = new MessageChannel();
    channel.port1.onmessage = () => waiting.shift()?.();
  }
  const port = channel.port2;
  return new Promise((resolve) => {
    waiting.push(resolve);
    port.postMessage(null);
  });
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
