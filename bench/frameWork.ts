/**
 * How much of the page's main-thread CPU each animation frame took, from a Chromium trace (bench/listenFrames.ts).
 *
 * A frame's wall time on a shared machine is the page's own work plus the time it waited for a CPU that other
 * work held: the baseline with nothing to draw has frames of 100 ms when the machine is busy. The trace's
 * `RunTask` events carry the thread's CPU time (`tdur`, µs) beside their wall time (`dur`), so the work the
 * screen itself asked for in each frame can be told apart from the waiting. Each task's CPU is shared among the
 * frames its wall time overlaps, in proportion.
 */

export interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly pid: number;
  readonly tid: number;
  /** µs, the trace's monotonic clock. */
  readonly ts: number;
  readonly dur?: number;
  readonly tdur?: number;
  /** A thread_name metadata event's name. */
  readonly args?: { readonly name?: unknown };
}

/** A main-thread task on the page's clock (ms, as `performance.now()`), with the CPU it used (ms). */
export interface MainTask {
  readonly start: number;
  readonly end: number;
  readonly cpuMs: number;
}

/** The page's main thread in a trace, and its clock turned into the page's (ms, as `performance.now()`). */
export interface PageThread {
  readonly pid: number;
  readonly tid: number;
  readonly clock: (ts: number) => number;
}

/**
 * The thread a mark was made on (`markAt`: the mark's `startTime` in the page), which sets the clock.
 * Null when the trace holds no such mark.
 */
export function pageThread(events: readonly TraceEvent[], markName: string, markAt: number): PageThread | null {
  const mark = events.find((e) => e.name === markName && (e.ph === 'I' || e.ph === 'R' || e.ph === 'n'));
  if (!mark) return null;
  return { pid: mark.pid, tid: mark.tid, clock: (ts) => markAt + (ts - mark.ts) / 1000 };
}

/** The page's main-thread tasks, in the order they began. */
export function mainThreadTasks(events: readonly TraceEvent[], thread: PageThread): MainTask[] {
  return events
    .filter((e) => e.name === 'RunTask' && e.ph === 'X' && e.pid === thread.pid && e.tid === thread.tid && e.dur !== undefined)
    .map((e) => ({ start: thread.clock(e.ts), end: thread.clock(e.ts + (e.dur ?? 0)), cpuMs: (e.tdur ?? e.dur ?? 0) / 1000 }))
    .sort((a, b) => a.start - b.start);
}

/**
 * The CPU each frame took: frame i runs from ticks[i] to ticks[i + 1], the times (ms) the page's
 * requestAnimationFrame callbacks ran (`performance.now()` inside the callback, not the frame's begin time
 * the callback is given: Chromium takes that while a long task may still be running). A task cannot be split
 * by a frame, so each task's CPU goes wholly to one frame: the frame it began in, or, for the task a callback
 * ran in (Chromium's frame task: the callbacks, then style, layout and paint), the frame that callback began.
 */
export function cpuPerFrame(ticks: readonly number[], tasks: readonly MainTask[]): number[] {
  const frames = new Array<number>(Math.max(0, ticks.length - 1)).fill(0);
  let frame = -1; // the frame the task began in; -1 before the first tick
  for (const task of tasks) {
    while (frame + 1 < ticks.length && task.start >= ticks[frame + 1]!) frame++;
    // A task that holds the next tick is that frame's work.
    const into = frame + 1 < ticks.length && task.end > ticks[frame + 1]! ? frame + 1 : frame;
    if (into >= 0 && into < frames.length) frames[into]! += task.cpuMs;
  }
  return frames;
}

/** The most CPU one task took (ms): a task over the target is a frame over it, wherever the frames fall. */
export const longestTaskCpu = (tasks: readonly MainTask[], from: number, to: number): number =>
  Math.max(0, ...tasks.filter((t) => t.start >= from && t.start < to).map((t) => t.cpuMs));

/** A task and the scheduler's wrapper around it: the work is what they hold. */
const TASK_NAMES = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);

/**
 * What a frame's main thread did between `from` and `to` (page ms): the wall time of the work each task was made
 * of, by the name Chromium's DevTools timeline gives it ("FunctionCall" for script, "UpdateLayoutTree" for style,
 * "Layout", "Paint", "MajorGC" …), the four largest first. Only the work directly inside a task is counted, so
 * nested events (a garbage collection inside a script) are not counted twice.
 */
export function workInFrame(events: readonly TraceEvent[], thread: PageThread, from: number, to: number): string {
  const onThread = events
    .filter((e) => e.ph === 'X' && e.pid === thread.pid && e.tid === thread.tid && e.dur !== undefined)
    .map((e) => ({ name: e.name, start: thread.clock(e.ts), end: thread.clock(e.ts + (e.dur ?? 0)) }))
    // Outer before inner: by start, the longer first, and a task before work with the same bounds (a trace writes
    // a complete event when it ends, so the work inside a task comes before the task).
    .sort((a, b) => a.start - b.start || b.end - a.end || Number(TASK_NAMES.has(b.name)) - Number(TASK_NAMES.has(a.name)));
  const byName = new Map<string, number>();
  // The events open around the one looked at, outermost first.
  const open: { name: string; end: number }[] = [];
  for (const e of onThread) {
    while (open.length > 0 && open.at(-1)!.end <= e.start) open.pop();
    const directlyInTask = open.length > 0 && open.every((o) => TASK_NAMES.has(o.name));
    open.push(e);
    if (TASK_NAMES.has(e.name) || !directlyInTask) continue;
    const overlap = Math.min(to, e.end) - Math.max(from, e.start);
    if (overlap > 0) byName.set(e.name, (byName.get(e.name) ?? 0) + overlap);
  }
  return [...byName]
    .filter(([, ms]) => ms >= 1)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 4)
    .map(([name, ms]) => `${name} ${Math.round(ms)}`)
    .join(', ');
}

/** The compositor threads whose work also stands between the page and a painted frame (renderer and GPU process). */
export const COMPOSITOR_THREADS = new Set(['Compositor', 'VizCompositorThread']);

/**
 * The CPU (ms) the tasks of the named threads, in any process of the trace, began between `from` and `to` (page ms)
 * took: the work a frame needed off the page's main thread.
 */
export function threadsCpu(
  events: readonly TraceEvent[],
  names: ReadonlySet<string>,
  thread: PageThread,
  from: number,
  to: number,
): number {
  const named = new Set(
    events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && names.has(String(e.args?.name))).map((e) => `${e.pid}:${e.tid}`),
  );
  let cpu = 0;
  for (const e of events) {
    if (e.name !== 'RunTask' || e.ph !== 'X' || !named.has(`${e.pid}:${e.tid}`)) continue;
    const start = thread.clock(e.ts);
    if (start >= from && start < to) cpu += (e.tdur ?? e.dur ?? 0) / 1000;
  }
  return cpu;
}
