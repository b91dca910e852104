/**
 * Runs a task just after the browser's next frame: layout is clean then
 * (the frame has just computed it), so reading boxes or hit-testing does not
 * force a synchronous layout of a page that changed since. In a
 * requestAnimationFrame callback itself the layout is still dirty when the
 * page changed its DOM (a re-render storm does so in its own frame
 * callbacks), and the first box read lays out the whole page in Backstory's
 * task. A hidden page draws no frames: the task waits until it is shown.
 */
export interface FrameTask {
  cancel(): void;
}

export function afterNextFrame(win: Window, task: () => void): FrameTask {
  let timer: number | undefined;
  const frame = win.requestAnimationFrame(() => {
    // A task queued from the frame callback runs after the frame's layout and paint.
    timer = win.setTimeout(task, 0);
  });
  return {
    cancel() {
      win.cancelAnimationFrame(frame);
      win.clearTimeout(timer);
    },
  };
}
