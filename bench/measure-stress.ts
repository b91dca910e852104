/**
 * One load of a stress page (stress-pages.ts) in a browser, with or
 * without Backstory: real pointer moves over the text while Backstory
 * works, then the page's probe read back (stress-probe.ts). In Chromium,
 * with Backstory, a trace gives Backstory's own tasks: top-level tasks that
 * ran the extension's script (its time slices, the data script).
 */
import type { Browser } from 'puppeteer-core';
import { summarizeProbe, type ProbeData, type ProbeSummary } from './stress-probe';
import type { StressPage } from './stress-pages';
import { type MainThreadTask, mainThreadTasks, overlap, scriptUrls, stopTrace, timeIn, type TraceEvent, TRACE_CATEGORIES, userTimingMarks } from './trace-tasks';

/** Style and layout inside a task: forced by script, or the frame's own when the task is a frame of the page's. */
const LAYOUT_EVENTS = new Set(['UpdateLayoutTree', 'Layout']);

export interface StressLoad {
  probe: ProbeSummary;
  /** ms from load to Backstory's annotated mark, if the page could see it. */
  annotatedAfterLoadMs: number | null;
  /** Backstory's first line, ms after the load event (null without Backstory, or if it never started). */
  startAfterLoadMs: number | null;
  /** When the page's worst timer gap ended, ms after Backstory's first line (null without Backstory): places the gap against its work. */
  worstTimerGapEndedAfterStartMs: number | null;
  /** The annotated mark, ms after Backstory's first line. */
  annotatedAfterStartMs: number | null;
  /** The annotated mark's detail (mentions, notes...) if seen. */
  detail: Record<string, unknown> | null;
  /** Chromium with Backstory: its longest task and how many exceeded 50 ms. */
  backstoryTasks: {
    longestMs: number;
    longestCpuMs: number;
    longestAfterStartMs: number;
    over50: number;
    count: number;
    /**
     * The most of Backstory's own script in one task, ms. A task counts as Backstory's when any
     * of its script is; in a page's own task that Backstory's script only visited (its
     * MutationObserver callback inside the page's frame on a storm page: startedByPage),
     * only that script counts in longestMs, not the page's layout and paint (startedByPage).
     */
    longestScriptMs: number;
    /** Of those, the page's own tasks that Backstory's script only visited. */
    pageTasksVisited: number;
    /** In the longest task after the injection: ms of style and layout. */
    longestLayoutMs: number;
  } | null;
  /**
   * Chromium, traced: what the main thread did while the worst pointer move waited (the tasks
   * overlapping its wait, longest first, up to three): which of them ran Backstory's script,
   * their style and layout, and their costliest kinds of event.
   */
  worstPointerTasks: { ms: number; backstory: boolean; layoutMs: number; ownScriptMs: number; top: string }[] | null;
  /** Round trips of the benchmark's pointer moves (dispatch to acknowledgement), worst, ms. */
  pointerRoundTripWorstMs: number;
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

export interface StressLoadOptions {
  url: string;
  page: StressPage;
  /** Wait for Backstory's annotated mark (with the extension) up to this long after load. */
  timeoutMs: number;
  /** Without Backstory: the window to measure (the with-run's length). */
  fixedWindowMs?: number;
  /**
   * Without Backstory: when its pair with Backstory reached Backstory's
   * first line, ms after the load event, so the page's timers are read
   * from the same moment in both (`timerWorstSinceBackstoryMs`).
   */
  backstoryStartAfterLoadMs?: number | null;
  trace: boolean;
  /** Keep the trace here (open in DevTools), if given. */
  tracePath?: string;
  /** How long to keep measuring after the annotated mark. */
  settleMs: number;
}

const SCRIPT_ENTRY_EVENTS = new Set(['FunctionCall', 'EvaluateScript']);

/** ms of a task spent in script entered from the extension's files (outermost calls only). */
function ownScriptMs(task: MainThreadTask): number {
  const own = task.events.filter((e) => {
    if (!SCRIPT_ENTRY_EVENTS.has(e.name)) return false;
    const url = ((e.args?.data ?? {}) as { url?: unknown }).url;
    return typeof url === 'string' && url.startsWith('chrome-extension://');
  });
  return timeIn({ ...task, events: own }, SCRIPT_ENTRY_EVENTS) / 1000;
}

const timerId = (e: TraceEvent) => ((e.args?.data ?? {}) as { timerId?: number }).timerId;

/**
 * Backstory's tasks, in time order: those that ran its script, and those that fired a timer one
 * of them had set. The second kind are its time slices resuming after a yield when the timer's
 * callback names no script (yield-to-main.ts passed the promise's resolve until 2026-12-02):
 * counted by script URL alone, slices of 58-88 ms on the 200,000-node page were left out of
 * "Backstory's longest task" (trace of 2026-12-01). A chain whose first timer was set in a task
 * naming no script (code resumed by a message's answer) is still missed this way, which is why
 * yieldToPage now passes a callback of its own (docs/performance-log.md, 2 December 2026).
 */
function backstoryTasksOf(tasks: readonly MainThreadTask[]): BackstoryTask[] {
  const timers = new Set<number | undefined>();
  const out: BackstoryTask[] = [];
  for (const t of tasks) {
    const byTimer = t.events.some((e) => e.name === 'TimerFire' && timers.has(timerId(e)));
    if (!byTimer && !scriptUrls(t).some((u) => u.startsWith('chrome-extension://'))) continue;
    for (const e of t.events) if (e.name === 'TimerInstall' && timerId(e) !== undefined) timers.add(timerId(e));
    out.push(Object.assign(t, { visited: !byTimer && startedByPage(t) }));
  }
  return out;
}

/** A task of Backstory's, and whether it is only the page's own task that its script visited (startedByPage). */
type BackstoryTask = MainThreadTask & { visited: boolean };

/**
 * Did the page's script run first in `task`? Backstory's mutation observer's
 * callback runs as a microtask at the end of whatever task changed the page:
 * on the storm page that is the page's own frame (its requestAnimationFrame
 * callbacks, then a 15-30 ms layout of the 1 MB article), in which
 * Backstory's script ran 0.1 ms (trace of 2026-12-01), and the whole 67 ms
 * frame was reported as "Backstory's longest task". Such a task is the
 * page's; what Backstory adds to it is its own script (ownScriptMs, which
 * includes any layout its calls force), however long that is.
 */
function startedByPage(task: MainThreadTask): boolean {
  const first = task.events.find((e) => SCRIPT_ENTRY_EVENTS.has(e.name));
  const url = ((first?.args?.data ?? {}) as { url?: unknown }).url;
  return first !== undefined && !(typeof url === 'string' && url.startsWith('chrome-extension://'));
}

/** How long Backstory held the thread in `task`: the whole task, or only its script in the page's own task. */
function backstoryPartMs(task: BackstoryTask): number {
  return task.visited ? ownScriptMs(task) : (task.end - task.start) / 1000;
}

/** The pointer move that waited longest in [from, to]: when its handler ran and how long it waited (ms, page clock). */
function worstPointer(data: ProbeData, from: number, to: number): { at: number; wait: number } | null {
  let worst: { at: number; wait: number } | null = null;
  for (let i = 0; i < data.pointer.length; i += 2) {
    const at = data.pointer[i];
    const wait = data.pointer[i + 1];
    if (at >= from && at <= to && (!worst || wait > worst.wait)) worst = { at, wait };
  }
  return worst;
}

/** The tasks overlapping [from, to] (trace µs), longest overlap first, described. */
function tasksDuring(tasks: MainThreadTask[], own: ReadonlySet<MainThreadTask>, from: number, to: number): NonNullable<StressLoad['worstPointerTasks']> {
  return tasks
    .filter((t) => overlap(t, from, to) > 0)
    .sort((a, b) => overlap(b, from, to) - overlap(a, from, to))
    .slice(0, 3)
    .map((t) => {
      const byName = new Map<string, number>();
      for (const e of t.events) if (e.ph === 'X' && e.dur) byName.set(e.name, (byName.get(e.name) ?? 0) + e.dur);
      const top = [...byName].sort((a, b) => b[1] - a[1]).slice(0, 4).map(([n, us]) => `${n} ${(us / 1000).toFixed(0)}`).join(', ');
      return {
        ms: (t.end - t.start) / 1000,
        backstory: own.has(t),
        layoutMs: timeIn(t, LAYOUT_EVENTS) / 1000,
        ownScriptMs: ownScriptMs(t),
        top,
      };
    });
}

export async function measureStressLoad(browser: Browser, options: StressLoadOptions): Promise<StressLoad> {
  const tab = await browser.newPage();
  try {
    if (options.trace) await tab.tracing.start({ categories: TRACE_CATEGORIES });
    await tab.goto(options.url, { waitUntil: 'load', timeout: 120_000 });
    const box = await tab.evaluate(() => {
      const r = document.querySelector('.article__body p')?.getBoundingClientRect();
      return r ? { x: r.left + 10, y: r.top + 10, w: Math.max(20, Math.min(r.width - 20, 600)), h: Math.max(4, Math.min(r.height - 20, 200)) } : null;
    });
    const started = Date.now();
    const windowEnd = () => {
      if (options.fixedWindowMs !== undefined) return started + options.fixedWindowMs;
      return started + options.timeoutMs;
    };
    let annotatedSeenAt: number | null = null;
    let roundTripWorst = 0;
    let nextCheck = 0;
    let step = 0;
    const stormUntil = started + (options.page.stormMs ?? 0) + 1000;
    for (;;) {
      const now = Date.now();
      if (options.page.pointer && box) {
        const x = box.x + ((step * 37) % box.w);
        const y = box.y + ((step * 13) % box.h);
        step++;
        const sent = Date.now();
        await tab.mouse.move(x, y);
        roundTripWorst = Math.max(roundTripWorst, Date.now() - sent);
      }
      if (options.fixedWindowMs === undefined && now >= nextCheck && annotatedSeenAt === null) {
        nextCheck = now + 500;
        const seen = await tab.evaluate(() => performance.getEntriesByName('backstory:annotated').length > 0);
        if (seen) annotatedSeenAt = Date.now();
      }
      const done =
        Date.now() >= windowEnd() ||
        (annotatedSeenAt !== null && Date.now() >= annotatedSeenAt + options.settleMs && Date.now() >= stormUntil);
      if (done) break;
      await sleep(50);
    }
    const result = await tab.evaluate(() => {
      const mark = performance.getEntriesByName('backstory:annotated')[0] as PerformanceMark | undefined;
      return {
        probe: (window as unknown as { __probe: ProbeData }).__probe,
        now: performance.now(),
        markAt: mark ? mark.startTime : null,
        startAt: performance.getEntriesByName('backstory:start')[0]?.startTime ?? null,
        detail: mark ? ((mark.detail ?? null) as Record<string, unknown> | null) : null,
      };
    });
    const { probe } = result;
    const from = options.page.stormMs ? probe.stormFrom : probe.loadAt;
    const to = options.page.stormMs ? probe.stormTo || result.now : result.now;
    let backstoryTasks: StressLoad['backstoryTasks'] = null;
    let worstPointerTasks: StressLoad['worstPointerTasks'] = null;
    if (options.trace) {
      const events = await stopTrace(tab, options.tracePath);
      const start = userTimingMarks(events, 'backstory:start')[0];
      if (start && result.startAt !== null) {
        const worst = worstPointer(probe, from, to);
        // The page's clock (ms) to the trace's (µs), through the start mark both carry.
        const toTrace = (ms: number) => start.ts + (ms - result.startAt!) * 1000;
        if (worst) {
          const all = mainThreadTasks(events, start.pid, start.tid);
          worstPointerTasks = tasksDuring(all, new Set(backstoryTasksOf(all)), toTrace(worst.at - worst.wait), toTrace(worst.at));
        }
      }
      if (start) {
        const tasks = backstoryTasksOf(mainThreadTasks(events, start.pid, start.tid));
        const durations = tasks.map(backstoryPartMs);
        // CPU time too: on a loaded machine a task's wall time includes the time it waited for a core.
        const cpu = tasks.map((t) => (t.visited ? Math.min(t.cpu / 1000, ownScriptMs(t)) : t.cpu / 1000));
        // After the content script's first line: leaves out the task that injects the data
        // script and compiles content.js (the same before and after any change to the pass).
        const after = tasks.filter((t) => t.start >= start.ts);
        const afterStart = after.map(backstoryPartMs);
        const longestAfter = after.reduce<(typeof after)[number] | null>((a, t) => (!a || backstoryPartMs(t) > backstoryPartMs(a) ? t : a), null);
        backstoryTasks = {
          longestMs: Math.max(0, ...durations),
          longestAfterStartMs: Math.max(0, ...afterStart),
          longestCpuMs: Math.max(0, ...cpu),
          over50: durations.filter((d) => d > 50).length,
          count: durations.length,
          longestScriptMs: Math.max(0, ...tasks.map(ownScriptMs)),
          longestLayoutMs: longestAfter ? timeIn(longestAfter, LAYOUT_EVENTS) / 1000 : 0,
          pageTasksVisited: tasks.filter((t) => t.visited).length,
        };
      }
    }
    const offset = options.backstoryStartAfterLoadMs;
    const since = result.startAt ?? (offset === undefined || offset === null ? null : probe.loadAt + offset);
    const summary = summarizeProbe(probe, from, to, since);
    return {
      probe: summary,
      annotatedAfterLoadMs: result.markAt === null ? null : result.markAt - probe.loadAt,
      startAfterLoadMs: result.startAt === null ? null : result.startAt - probe.loadAt,
      worstTimerGapEndedAfterStartMs: result.startAt === null ? null : summary.timerWorstEndedAt - result.startAt,
      annotatedAfterStartMs: result.startAt === null || result.markAt === null ? null : result.markAt - result.startAt,
      detail: result.detail,
      backstoryTasks,
      worstPointerTasks,
      pointerRoundTripWorstMs: roundTripWorst,
    };
  } finally {
    await tab.close();
  }
}
