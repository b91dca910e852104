/**
 * Reading a Chrome trace: the top-level tasks of one renderer main thread,
 * each with the events that happened inside it.
 *
 * A top-level task is a `RunTask` event (category
 * disabled-by-default-devtools.timeline, the "Task" bars of DevTools'
 * Performance panel) not nested in another one. Everything the main thread
 * does, script, style, layout, paint, IPC, runs inside one, so the sum of
 * their durations is the thread's busy time. Times are in microseconds, as
 * in the trace.
 */
import { writeFileSync } from 'node:fs';

export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time of a complete event, where the platform records it. */
  tdur?: number;
  /** Thread clock at the event (B/E events carry it instead of tdur). */
  tts?: number;
  pid: number;
  tid: number;
  args?: Record<string, unknown>;
}

export interface MainThreadTask {
  start: number;
  end: number;
  /** CPU time the thread got during the task: less than end - start when it waited for a core. */
  cpu: number;
  /** Events (complete and instant) that begin inside the task, in time order. */
  events: TraceEvent[];
}

/** Categories that give tasks, script, rendering, loading and user-timing marks. */
export const TRACE_CATEGORIES = [
  '-*',
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'blink.user_timing',
  'v8.execute',
  'loading',
  '__metadata',
];

export function traceEventsOf(buffer: Uint8Array): TraceEvent[] {
  const parsed = JSON.parse(Buffer.from(buffer).toString('utf8')) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  return Array.isArray(parsed) ? parsed : parsed.traceEvents ?? [];
}

/** User-timing marks (performance.mark) by name, in time order. */
export function userTimingMarks(events: readonly TraceEvent[], name: string): TraceEvent[] {
  return events
    .filter((e) => e.name === name && e.cat.includes('blink.user_timing') && (e.ph === 'I' || e.ph === 'R' || e.ph === 'n'))
    .sort((a, b) => a.ts - b.ts);
}

/** `detail` of a performance.mark, which the trace carries as a JSON string. */
export function markDetail(mark: TraceEvent): Record<string, unknown> | undefined {
  const data = (mark.args?.data ?? {}) as { detail?: unknown };
  if (typeof data.detail !== 'string') return undefined;
  try {
    return JSON.parse(data.detail) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

/** Complete events of one thread, with B/E pairs folded into complete events. */
function completeEventsOf(events: readonly TraceEvent[], pid: number, tid: number): TraceEvent[] {
  const out: TraceEvent[] = [];
  const open: TraceEvent[] = [];
  for (const e of events) {
    if (e.pid !== pid || e.tid !== tid) continue;
    if (e.ph === 'X' || e.ph === 'I' || e.ph === 'i' || e.ph === 'R' || e.ph === 'n') out.push(e);
    else if (e.ph === 'B') open.push(e);
    else if (e.ph === 'E') {
      // E events close the most recent open B of the same thread (trace format rule).
      const begin = open.pop();
      if (begin) out.push({ ...begin, ph: 'X', dur: e.ts - begin.ts, tdur: begin.tts !== undefined && e.tts !== undefined ? e.tts - begin.tts : undefined });
    }
  }
  // Parents before children when they start together: the longer event first.
  return out.sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
}

const isTaskEvent = (e: TraceEvent) => e.name === 'RunTask' && e.ph === 'X' && e.cat.includes('devtools.timeline');

/** The thread's top-level tasks, each with the events inside it. */
export function mainThreadTasks(events: readonly TraceEvent[], pid: number, tid: number): MainThreadTask[] {
  const threadEvents = completeEventsOf(events, pid, tid);
  const tasks: MainThreadTask[] = [];
  let current: MainThreadTask | null = null;
  for (const e of threadEvents) {
    if (isTaskEvent(e)) {
      const end = e.ts + (e.dur ?? 0);
      // A RunTask inside another (a nested run loop) is part of the outer task.
      if (current && e.ts < current.end) continue;
      current = { start: e.ts, end, cpu: e.tdur ?? end - e.ts, events: [] };
      tasks.push(current);
      continue;
    }
    if (current && e.ts >= current.start && e.ts <= current.end) current.events.push(e);
  }
  return tasks;
}

/** Microseconds of a task that fall inside [from, to]. */
export function overlap(task: MainThreadTask, from: number, to: number): number {
  return Math.max(0, Math.min(task.end, to) - Math.max(task.start, from));
}

export const RENDERING_EVENTS = new Set(['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit', 'UpdateLayer']);

/** Events that mean JavaScript ran in the task. */
export const SCRIPT_EVENTS = new Set([
  'FunctionCall',
  'EvaluateScript',
  'v8.compile',
  'RunMicrotasks',
  'TimerFire',
  'FireAnimationFrame',
  'HandlePostMessage',
  'v8.callFunction',
  'v8.run',
  'V8.Execute',
]);

export function hasScript(task: MainThreadTask): boolean {
  return task.events.some((e) => SCRIPT_EVENTS.has(e.name) && (e.dur ?? 0) > 0);
}

export function hasRendering(task: MainThreadTask): boolean {
  return task.events.some((e) => RENDERING_EVENTS.has(e.name));
}

/** Microseconds spent in the task's outermost events of the given names (nested ones not counted twice). */
export function timeIn(task: MainThreadTask, names: ReadonlySet<string>): number {
  let total = 0;
  let coveredUntil = -Infinity;
  for (const e of task.events) {
    if (!names.has(e.name) || e.ph !== 'X') continue;
    const end = e.ts + (e.dur ?? 0);
    if (e.ts >= coveredUntil) {
      total += e.dur ?? 0;
      coveredUntil = end;
    } else if (end > coveredUntil) {
      total += end - coveredUntil;
      coveredUntil = end;
    }
  }
  return total;
}

/**
 * Where Chromium posted the task from ("image_loader.cc:ImageNotifyFinished"):
 * the `src_file` (file name only) and `src_func` that the toplevel category's
 * ThreadControllerImpl::RunTask event carries; '' when the trace has none.
 */
export function postedFrom(task: MainThreadTask): string {
  for (const e of task.events) {
    if (e.name !== 'ThreadControllerImpl::RunTask') continue;
    const { src_file: file, src_func: func } = (e.args ?? {}) as { src_file?: unknown; src_func?: unknown };
    if (typeof file === 'string' && typeof func === 'string') return `${file.slice(file.lastIndexOf('/') + 1)}:${func}`;
  }
  return '';
}

/** Script URLs of the JavaScript entry points in a task. */
export function scriptUrls(task: MainThreadTask): string[] {
  const urls = new Set<string>();
  for (const e of task.events) {
    if (e.name !== 'FunctionCall' && e.name !== 'EvaluateScript') continue;
    const data = (e.args?.data ?? {}) as { url?: unknown };
    if (typeof data.url === 'string' && data.url) urls.add(data.url);
  }
  return [...urls];
}

/** Stops a page's trace, keeps it at `tracePath` if given (for DevTools), and returns its events. */
export async function stopTrace(page: { tracing: { stop(): Promise<Uint8Array | undefined> } }, tracePath?: string): Promise<TraceEvent[]> {
  const buffer = await page.tracing.stop();
  if (!buffer) throw new Error('tracing returned no data');
  if (tracePath) writeFileSync(tracePath, buffer);
  return traceEventsOf(buffer);
}
