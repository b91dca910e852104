/**
 * Lets the browser handle input and paint between chunks of work, so no
 * task runs long (https://web.dev/articles/optimize-long-tasks).
 */
type SchedulerLike = { yield?: () => Promise<void> };

export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: SchedulerLike }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => {
    // A message task is not clamped to 4 ms as nested timeouts are.
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

/** Runs steps, yielding whenever `budgetMs` of main-thread time has been used. */
export class TimeSlicer {
  private sliceStart = performance.now();

  constructor(
    private readonly budgetMs = 8,
    private readonly isCancelled: () => boolean = () => false,
  ) {}

  /** Call between steps; resolves to false when the work was cancelled meanwhile. */
  async checkpoint(): Promise<boolean> {
    if (performance.now() - this.sliceStart >= this.budgetMs) {
      await yieldToMain();
      this.sliceStart = performance.now();
    }
    return !this.isCancelled();
  }
}
