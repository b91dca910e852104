/**
 * Main-thread busy time inside a window of a trace, from its tasks.
 *
 * Backstory's window opens at the content script's
 * `performance.mark('backstory:start')` (its first line; the pass itself
 * begins at `backstory:begin`, in the page's first idle period after it,
 * and until then only script is charged: a task without any is the
 * page's) and closes at the end of the first
 * rendering task (one that paints) after `performance.mark('backstory:annotated')`,
 * so the style, layout and paint the new highlights cause are inside it.
 * (The article's target is also read over the window the issue names, to
 * the last highlight placed: `toPlaced`, which ends with the annotated
 * mark's task.) Its
 * busy time is the time of the renderer main thread's tasks inside the
 * window (the first task counted from the mark), less the work that is
 * positively the page's own or the benchmark's:
 * - before the annotated mark Backstory only reads the page (it registers
 *   the highlights and adds its card host in the task that makes the mark),
 *   so rendering or loading work there that is not inside a script call is
 *   the page finishing its own load (late layout, image decoding): not
 *   charged, nor is the page's load event, nor a task without script that
 *   the page's loading or frame presentation posted (PAGE_LOAD_OR_FRAME_SOURCE,
 *   by the task's posting location). Nor is a task, at any time,
 *   that runs no script and loads a document or image (parsing, an SVG
 *   image's document, the browser's favicon download). A frame task that also runs
 *   Backstory's pending promise jobs is split: the script part is charged,
 *   the page's frame is not. The test pages run no script of their own, so
 *   all script is Backstory's, and so is any style or layout it forces;
 * - tasks in which the benchmark polled the page (a `bench:` mark or a
 *   puppeteer `pptr:` script) are not charged;
 * - everything else is, including small IPC tasks (storage replies), GC,
 *   and every task after the annotated mark: when in doubt, it is charged
 *   to Backstory.
 *
 * The peer's (mark.js) window lies between two marks the benchmark makes
 * around the call on an otherwise idle page, so every task in it counts.
 */
import {
  hasRendering,
  hasScript,
  mainThreadTasks,
  markDetail,
  overlap,
  postedFrom,
  RENDERING_EVENTS,
  SCRIPT_EVENTS,
  scriptUrls,
  timeIn,
  userTimingMarks,
  type MainThreadTask,
  type TraceEvent,
} from './trace-tasks';

export type TaskKind = 'script' | 'render' | 'other' | 'page' | 'bench';

export interface WindowTask {
  /** Start, relative to the window's start, ms. */
  atMs: number;
  /** Whole task, ms (the first one may begin before the window). */
  durationMs: number;
  inWindowMs: number;
  /** The part of inWindowMs charged to the measured code. */
  chargedMs: number;
  kind: TaskKind;
  /** Largest kinds of work inside, e.g. "Layout 4.8, Paint 1.4". */
  summary: string;
}

export interface BusyMeasurement {
  /** Busy time charged to the measured code, ms. */
  busyMs: number;
  /**
   * CPU time the main thread got in the charged time, ms. Close to busyMs on
   * an idle machine; much less when other processes kept the thread waiting.
   */
  cpuMs: number;
  /** Of busyMs: in tasks that ran script; rendering tasks; other tasks (IPC, GC...). */
  scriptMs: number;
  renderMs: number;
  otherMs: number;
  /** Style/layout/paint inside the charged tasks, whether forced by script or in a frame. */
  styleLayoutPaintMs: number;
  /** The page's own work in the window (not charged). */
  excludedPageMs: number;
  /** The benchmark's own polling that fell in the window (not charged). */
  excludedBenchMs: number;
  /** All main-thread task time in the window, charged or not. */
  windowTotalMs: number;
  /** Wall-clock length of the window. */
  wallMs: number;
  /** Longest task with charged work, counted whole. */
  longestTaskMs: number;
  longestTask: string;
  /** Tasks with charged work longer than 50 ms (the long-task threshold). */
  longTasks: number;
  tasks: WindowTask[];
}

export interface BackstoryTraceMeasurement extends BusyMeasurement {
  /**
   * The same count over the shorter window that the article target
   * names: from the start mark to the end of the task that placed the last
   * highlight (the annotated mark's task), before the frame that paints them.
   */
  toPlaced: { busyMs: number; cpuMs: number };
  /**
   * toPlaced plus the style and layout work of the tasks after the annotated
   * mark up to the painting frame (style recalculation for the ::highlight
   * rules; the Highlight API lays nothing out): the targets' reading of
   * "style and layout work caused by the highlights counts". Paint is not
   * in it; busyMs above has it.
   */
  toPlacedWithStyle: { busyMs: number; styleLayoutMs: number };
  /** The part of the first task before the start mark: evaluating annotation-data.js and content.js. */
  preStartScriptMs: number;
  /** Mentions the annotated mark reports. */
  mentions: number | undefined;
}

/** How a task is charged: its kind, and how much of it (µs) is the page's own work. */
interface Charge {
  kind: TaskKind;
  pageUs: number;
}

const us = (microseconds: number) => microseconds / 1000;

/** Style recalculation and layout (not paint). */
const STYLE_LAYOUT_EVENTS = new Set(['UpdateLayoutTree', 'Layout']);

const WRAPPER_EVENTS = /^(RunTask|ThreadControllerImpl::RunTask|BlinkScheduler_PerformMicrotaskCheckpoint|SimpleWatcher::OnHandleReady|ThreadPool_RunTask)$/;

function summarize(task: MainThreadTask): string {
  const byName = new Map<string, number>();
  for (const e of task.events) {
    if (e.ph !== 'X' || WRAPPER_EVENTS.test(e.name)) continue;
    byName.set(e.name, (byName.get(e.name) ?? 0) + (e.dur ?? 0));
  }
  const top = [...byName].sort((a, b) => b[1] - a[1]).slice(0, 3);
  return top.map(([name, dur]) => `${name} ${us(dur).toFixed(1)}`).join(', ');
}

/** Work that only loading a document or image does: parsing HTML or CSS, committing a document (an SVG image has one), decoding. */
const LOADING_EVENTS = /^(ParseHTML|ParseAuthorStyleSheet|DocumentLoader::|DecodedDataDocumentParser|Decode Image|ImageDecode|Decode LazyPixelRef)/;

/**
 * The browser asking the page to download its icon (favicon.ico): the page's
 * own loading, with or without an extension, which carries no loading event
 * of the recorded categories. It came about 5-8 ms after the pass began on
 * each load of the 1 MB page, a 3.5-3.7 ms task charged as Backstory's
 * (traces of 2 December 2026).
 */
const isIconDownload = (e: TraceEvent) =>
  e.name === 'Receive mojo message' &&
  (e.args?.chrome_mojo_event_info as { mojo_interface_tag?: string } | undefined)?.mojo_interface_tag === 'blink.mojom.ImageDownloader';

const isLoadingEvent = (e: TraceEvent) => e.ph === 'X' && (LOADING_EVENTS.test(e.name) || isIconDownload(e));

/** The document reaching DOMContentLoaded or load (the load event's own work is the page's). */
const isLoadMilestone = (e: TraceEvent) => e.name === 'MarkLoad' || e.name === 'MarkDOMContent';

/**
 * Where Chromium posts the page's own loading and frame bookkeeping from
 * (postedFrom: the task's posting location). A task without script posted
 * from one of these before the annotated mark is the page delivering a
 * resource, finishing an image or a font, or handling the presentation of a
 * frame Backstory has not changed yet: the page's. Their tasks carry no
 * loading or rendering event of the recorded categories, so without this they
 * were charged as Backstory's "other" work (about 7 ms a load on the article
 * in the traces of 2026-12-01, the presentation feedback alone about 3 ms);
 * IPC tasks (mojo, messages) stay charged, since Backstory's own messages
 * arrive in them.
 */
const PAGE_LOAD_OR_FRAME_SOURCE =
  /^(background_url_loader\.cc|resource_load_info_notifier_wrapper\.cc|image_loader\.cc|font_face_set\.cc|paint_timing\.cc|page_timing_metrics_sender\.cc):|^proxy_impl\.cc:DidPresentCompositorFrameOnImplThread$|^web_frame_widget_impl\.cc:DidSwap$/;

function isBenchTask(task: MainThreadTask): boolean {
  if (task.events.some((e) => e.name.startsWith('bench:') && e.cat.includes('blink.user_timing'))) return true;
  const urls = scriptUrls(task);
  return urls.length > 0 && urls.every((url) => url.startsWith('pptr:'));
}

/**
 * µs of the task's rendering and loading work after `from` that no script
 * call contains (a frame's own lifecycle update, a parser chunk).
 */
function workOutsideScript(task: MainThreadTask, from: number): number {
  const scriptSpans = task.events.filter((e) => e.ph === 'X' && SCRIPT_EVENTS.has(e.name)).map((e) => [e.ts, e.ts + (e.dur ?? 0)]);
  const insideScript = (e: TraceEvent) => scriptSpans.some(([from, to]) => e.ts >= from && e.ts + (e.dur ?? 0) <= to);
  let total = 0;
  let coveredUntil = -Infinity;
  for (const e of task.events) {
    if (e.ph !== 'X' || !(RENDERING_EVENTS.has(e.name) || isLoadingEvent(e)) || insideScript(e)) continue;
    const end = e.ts + (e.dur ?? 0);
    total += Math.max(0, end - Math.max(e.ts, coveredUntil, from));
    coveredUntil = Math.max(coveredUntil, end);
  }
  return total;
}

function measureTasks(tasks: readonly MainThreadTask[], from: number, to: number, chargeOf: (task: MainThreadTask) => Charge): BusyMeasurement {
  const m: BusyMeasurement = {
    busyMs: 0,
    cpuMs: 0,
    scriptMs: 0,
    renderMs: 0,
    otherMs: 0,
    styleLayoutPaintMs: 0,
    excludedPageMs: 0,
    excludedBenchMs: 0,
    windowTotalMs: 0,
    wallMs: us(to - from),
    longestTaskMs: 0,
    longestTask: '',
    longTasks: 0,
    tasks: [],
  };
  for (const task of tasks) {
    const inWindow = us(overlap(task, from, to));
    if (inWindow <= 0) continue;
    const { kind, pageUs } = chargeOf(task);
    const durationMs = us(task.end - task.start);
    const excluded = kind === 'page' || kind === 'bench' ? inWindow : Math.min(inWindow, us(pageUs));
    const charged = inWindow - excluded;
    m.windowTotalMs += inWindow;
    if (kind === 'bench') m.excludedBenchMs += excluded;
    else m.excludedPageMs += excluded;
    m.tasks.push({ atMs: us(task.start - from), durationMs, inWindowMs: inWindow, chargedMs: charged, kind, summary: summarize(task) });
    if (charged <= 0) continue;
    m.busyMs += charged;
    m.cpuMs += durationMs > 0 ? us(task.cpu) * (charged / durationMs) : 0;
    if (kind === 'script') m.scriptMs += charged;
    else if (kind === 'render') m.renderMs += charged;
    else m.otherMs += charged;
    // What was left out of a charged task is rendering or loading work, so take it off the task's rendering.
    m.styleLayoutPaintMs += Math.max(0, Math.min(charged, us(timeIn(task, RENDERING_EVENTS)) - excluded));
    if (durationMs > m.longestTaskMs) {
      m.longestTaskMs = durationMs;
      m.longestTask = summarize(task);
    }
    if (durationMs > 50) m.longTasks++;
  }
  return m;
}

/** A mark, the first `backstory:annotated` mark after it, the main thread's tasks and the one that made the annotated mark. */
function untilAnnotated(events: readonly TraceEvent[], startName: string) {
  const start = userTimingMarks(events, startName)[0];
  if (!start) throw new Error(`trace has no ${startName} mark`);
  const annotated = userTimingMarks(events, 'backstory:annotated').find((m) => m.ts >= start.ts && m.pid === start.pid);
  if (!annotated) throw new Error(`trace has no backstory:annotated mark after ${startName}`);
  const tasks = mainThreadTasks(events, start.pid, start.tid);
  const annotatedTask = tasks.find((t) => t.start <= annotated.ts && annotated.ts <= t.end);
  return { start, annotated, tasks, annotatedTask };
}

/** Backstory's busy time on one page load (see the file comment for the window and what is charged). */
export function measureBackstory(events: readonly TraceEvent[]): BackstoryTraceMeasurement {
  const { start, annotated, tasks, annotatedTask } = untilAnnotated(events, 'backstory:start');
  // The pass begins in the page's first idle period after the script's first line (BackstoryPage.startWhenIdle).
  const begun = userTimingMarks(events, 'backstory:begin').find((m) => m.ts >= start.ts && m.ts <= annotated.ts && m.pid === start.pid);
  const firstPaint = tasks.find((t) => t.start >= annotated.ts && t.events.some((e) => e.name === 'Paint'));
  const windowEnd = firstPaint?.end ?? annotatedTask?.end ?? annotated.ts;
  const startTask = tasks.find((t) => t.start <= start.ts && start.ts <= t.end);

  const chargeOf = (task: MainThreadTask): Charge => {
    if (isBenchTask(task)) return { kind: 'bench', pageUs: 0 };
    // Until the pass begins Backstory has nothing in flight (no request, no timer but the idle callback's):
    // a task there that runs no script is the page's, and in one that does (the page's frame with a
    // microtask checkpoint: Blink's own lazy image loading runs there) only the script is charged.
    if (begun && task.end <= begun.ts) {
      if (!hasScript(task)) return { kind: 'page', pageUs: 0 };
      return { kind: 'script', pageUs: Math.max(0, task.end - Math.max(task.start, start.ts) - timeIn(task, SCRIPT_EVENTS)) };
    }
    const beforeAnnotated = task.end <= annotated.ts;
    if (hasScript(task)) return { kind: 'script', pageUs: beforeAnnotated ? workOutsideScript(task, start.ts) : 0 };
    // Without script: a frame or the load event before the annotated mark, or a document or image loading at any
    // time, is the page's. (After the mark, a frame may lay out and paint what Backstory added: charged.)
    if (beforeAnnotated && (hasRendering(task) || task.events.some(isLoadMilestone) || PAGE_LOAD_OR_FRAME_SOURCE.test(postedFrom(task)))) {
      return { kind: 'page', pageUs: 0 };
    }
    if (task.events.some(isLoadingEvent)) return { kind: 'page', pageUs: 0 };
    return { kind: hasRendering(task) ? 'render' : 'other', pageUs: 0 };
  };
  const measurement = measureTasks(tasks, start.ts, windowEnd, chargeOf);
  const placedEnd = annotatedTask?.end ?? annotated.ts;
  const placed = measureTasks(tasks, start.ts, placedEnd, chargeOf);
  let styleLayoutUs = 0;
  for (const task of tasks) {
    if (task.start < placedEnd || task.start >= windowEnd) continue;
    const { kind } = chargeOf(task);
    if (kind === 'page' || kind === 'bench') continue;
    styleLayoutUs += timeIn(task, STYLE_LAYOUT_EVENTS);
  }
  const detail = markDetail(annotated);
  return {
    ...measurement,
    toPlaced: { busyMs: placed.busyMs, cpuMs: placed.cpuMs },
    toPlacedWithStyle: { busyMs: placed.busyMs + us(styleLayoutUs), styleLayoutMs: us(styleLayoutUs) },
    preStartScriptMs: startTask ? us(start.ts - startTask.start) : 0,
    mentions: typeof detail?.mentions === 'number' ? detail.mentions : undefined,
  };
}

/** Busy time between two marks on one thread (the peer highlighter's run); every task counts. */
export function measureBetweenMarks(events: readonly TraceEvent[], startName: string, endName: string): BusyMeasurement {
  const start = userTimingMarks(events, startName)[0];
  if (!start) throw new Error(`trace has no ${startName} mark`);
  const end = userTimingMarks(events, endName).find((m) => m.ts >= start.ts && m.pid === start.pid);
  if (!end) throw new Error(`trace has no ${endName} mark after ${startName}`);
  const tasks = mainThreadTasks(events, start.pid, start.tid);
  return measureTasks(tasks, start.ts, end.ts, (task) => ({
    kind: hasScript(task) ? 'script' : hasRendering(task) ? 'render' : 'other',
    pageUs: 0,
  }));
}

export interface RerenderMeasurement {
  /** From the page replacing the article's nodes to the highlights registered again (wall clock). */
  latencyMs: number;
  /** Backstory's busy time in that window (the page's own re-layout and paint of its new nodes not charged). */
  busyMs: number;
  cpuMs: number;
}

/**
 * After the page re-renders the article (`bench:rerender`, made by the
 * benchmark's script just before it replaces the nodes): how long until
 * Backstory's next annotated mark, and its busy time until then. The task
 * that replaced the nodes is the benchmark's; frames without script in the
 * window are the page drawing its new nodes.
 */
export function measureRerender(events: readonly TraceEvent[]): RerenderMeasurement {
  const { start, annotated, tasks, annotatedTask } = untilAnnotated(events, 'bench:rerender');
  const m = measureTasks(tasks, start.ts, annotatedTask?.end ?? annotated.ts, (task) => {
    if (isBenchTask(task)) return { kind: 'bench', pageUs: 0 };
    if (hasScript(task)) return { kind: 'script', pageUs: workOutsideScript(task, start.ts) };
    if (hasRendering(task) || task.events.some(isLoadingEvent)) return { kind: 'page', pageUs: 0 };
    return { kind: 'other', pageUs: 0 };
  });
  return { latencyMs: us(annotated.ts - start.ts), busyMs: m.busyMs, cpuMs: m.cpuMs };
}
