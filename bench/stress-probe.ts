/**
 * The page's own script on the stress pages (stress-pages.ts): it records
 * what a page would notice of Backstory, in either browser, with no trace:
 * - a setTimeout(0) chain: the gap between its callbacks is how long the
 *   page's own timers waited (the review's "setTimeout(0) chain blocked");
 * - requestAnimationFrame callbacks: the page's frame rate;
 * - pointermove: how long each real pointer event waited before the page's
 *   handler ran (now - event.timeStamp);
 * - on request (`storm(ms)`), two paragraphs of the article replaced by
 *   fresh copies every frame, from load on, as a client-side re-render does.
 * Results are read from `window.__probe` by the benchmark (main world).
 */
export const PROBE_SCRIPT = `(() => {
  const p = (window.__probe = { timer: [], frames: [], pointer: [], loadAt: 0, stormFrom: 0, stormTo: 0 });
  let last = performance.now();
  const tick = () => { const now = performance.now(); p.timer.push(now, now - last); last = now; setTimeout(tick, 0); };
  setTimeout(tick, 0);
  const frame = (t) => { p.frames.push(performance.now()); requestAnimationFrame(frame); };
  requestAnimationFrame(frame);
  addEventListener('pointermove', (e) => { const now = performance.now(); p.pointer.push(now, now - e.timeStamp); }, { passive: true });
  addEventListener('load', () => { p.loadAt = performance.now(); });
  p.storm = (ms) => addEventListener('load', () => {
    const body = document.querySelector('.article__body');
    p.stormFrom = performance.now();
    const step = () => {
      const now = performance.now();
      if (now - p.stormFrom > ms) { p.stormTo = now; return; }
      const paragraphs = body.querySelectorAll('p');
      for (const i of [3, 7]) { const old = paragraphs[i]; if (old) old.replaceWith(old.cloneNode(true)); }
      requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  });
})();`;

export interface ProbeData {
  /** Flat pairs: time of a timer callback, gap since the previous one. */
  timer: number[];
  frames: number[];
  /** Flat pairs: time of a pointermove handler, the event's wait. */
  pointer: number[];
  loadAt: number;
  stormFrom: number;
  stormTo: number;
}

/**
 * The figures of one window [from, to] (ms on the page's clock).
 * `backstoryFrom`, Backstory's first line on the same clock (for a load
 * without Backstory, the same moment after the load event as in its pair),
 * gives the page's worst timer wait from then on: a gap that started before
 * it counts only from it, since until then Backstory's code had not run.
 */
export function summarizeProbe(data: ProbeData, from: number, to: number, backstoryFrom: number | null = null) {
  const pairs = (flat: number[]) => {
    const out: [number, number][] = [];
    for (let i = 0; i < flat.length; i += 2) if (flat[i] >= from && flat[i] <= to) out.push([flat[i], flat[i + 1]]);
    return out;
  };
  const timerPairs = pairs(data.timer);
  const timer = timerPairs.map(([, gap]) => gap);
  // When the worst gap ended (page clock), so a log can place it against Backstory's marks.
  const worstTimer = timerPairs.reduce<[number, number] | null>((worst, pair) => (!worst || pair[1] > worst[1] ? pair : worst), null);
  const sinceBackstory = backstoryFrom === null ? [] : timerPairs.map(([at, gap]) => Math.max(0, Math.min(gap, at - backstoryFrom)));
  const pointer = pairs(data.pointer).map(([, wait]) => wait);
  const frames = data.frames.filter((t) => t >= from && t <= to).length;
  return {
    windowMs: to - from,
    timerWorstMs: timer.length ? Math.max(...timer) : NaN,
    timerWorstEndedAt: worstTimer ? worstTimer[0] : NaN,
    timerCallbacks: timer.length,
    /** NaN when no such moment was given. */
    timerWorstSinceBackstoryMs: sinceBackstory.length ? Math.max(...sinceBackstory) : NaN,
    pointerWorstMs: pointer.length ? Math.max(...pointer) : NaN,
    pointerEvents: pointer.length,
    frames,
    fps: (frames * 1000) / Math.max(1, to - from),
  };
}

export type ProbeSummary = ReturnType<typeof summarizeProbe>;
