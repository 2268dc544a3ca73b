/**
 * bench/frameWork.ts: the CPU each animation frame's work took, told apart from the time it waited for a CPU
 * (bench/listenFrames.ts judges the Listen screen by it).
 */
import { describe, expect, it } from 'vitest';
import { cpuPerFrame, longestTaskCpu, mainThreadTasks, pageThread, workInFrame, type TraceEvent } from '../../bench/frameWork';

const page = { pid: 7, tid: 1 };
// The mark was made at performance.now() = 1000 ms, trace clock 5,000,000 µs.
const mark: TraceEvent = { name: 'window', ph: 'I', ...page, ts: 5_000_000 };
const task = (startMs: number, wallMs: number, cpuMs: number, where = page): TraceEvent => ({
  name: 'RunTask',
  ph: 'X',
  ...where,
  ts: 5_000_000 + (startMs - 1000) * 1000,
  dur: wallMs * 1000,
  tdur: cpuMs * 1000,
});

describe('bench frame work', () => {
  it("puts the trace's tasks on the page's clock, on the page's main thread only", () => {
    const thread = pageThread([task(1010, 5, 5), mark], 'window', 1000)!;
    expect(thread).toMatchObject(page);
    const tasks = mainThreadTasks([task(1020, 10, 4), task(1010, 5, 5), task(1010, 30, 30, { pid: 7, tid: 2 }), mark], thread);
    expect(tasks).toEqual([
      { start: 1010, end: 1015, cpuMs: 5 },
      { start: 1020, end: 1030, cpuMs: 4 },
    ]);
    expect(pageThread([task(1010, 5, 5)], 'window', 1000)).toBeNull();
  });

  it('a frame made long by waiting has little work in it; one made long by work has it all', () => {
    const thread = pageThread([mark], 'window', 1000)!;
    const tasks = mainThreadTasks(
      [
        mark,
        task(1005, 100, 8), // 100 ms of wall time, 8 ms of CPU: the thread did little
        task(1120, 60, 58), // a long task that worked
      ],
      thread,
    );
    expect(cpuPerFrame([1000, 1110, 1190, 1200], tasks)).toEqual([8, 58, 0]);
    expect(longestTaskCpu(tasks, 1000, 1200)).toBe(58);
    expect(longestTaskCpu(tasks, 1000, 1100)).toBe(8);
  });

  it('a task is never split between frames; the task a callback ran in is the work of the frame that callback began', () => {
    expect(cpuPerFrame([0, 45, 110], [{ start: 5, end: 95, cpuMs: 90 }])).toEqual([0, 90]);
    // Chromium's frame task: begun just before its callback (15), then style, layout and paint until 106.
    expect(cpuPerFrame([0, 15, 116], [{ start: 14, end: 106, cpuMs: 90 }])).toEqual([0, 90]);
    // A task that began before the first tick and holds it is the first frame's.
    expect(cpuPerFrame([10, 20], [{ start: 8, end: 12, cpuMs: 4 }])).toEqual([4]);
    // Tasks before the first tick or after the last are no frame's.
    const tasks = [
      { start: 5, end: 8, cpuMs: 3 },
      { start: 12, end: 14, cpuMs: 2 },
      { start: 25, end: 26, cpuMs: 1 },
    ];
    expect(cpuPerFrame([10, 20], tasks)).toEqual([2]);
  });

  it('names what a frame did, the work directly inside its tasks, nested work not counted twice', () => {
    const thread = pageThread([mark], 'window', 1000)!;
    const at = (name: string, startMs: number, ms: number): TraceEvent => ({
      name,
      ph: 'X',
      ...page,
      ts: 5_000_000 + (startMs - 1000) * 1000,
      dur: ms * 1000,
    });
    const events = [
      mark,
      at('RunTask', 1000, 50),
      at('ThreadControllerImpl::RunTask', 1000, 50), // the scheduler's wrapper (trace category toplevel)
      at('FunctionCall', 1001, 30),
      at('MinorGC', 1005, 4), // inside the script: counted as the script's
      at('Layout', 1035, 12),
      at('Paint', 1048, 0.5),
      at('RunTask', 1090, 60),
      at('MajorGC', 1100, 40),
    ];
    expect(workInFrame(events, { ...thread, tid: 99 }, 1000, 1060)).toBe('');
    expect(workInFrame(events, thread, 1000, 1060)).toBe('FunctionCall 30, Layout 12');
    expect(workInFrame(events, thread, 1000, 1200)).toBe('MajorGC 40, FunctionCall 30, Layout 12');
    // A complete event is written when it ends: work with its task's own bounds comes before the task, and counts.
    const sameBounds = [at('FunctionCall', 1300, 40), at('RunTask', 1300, 40)];
    expect(workInFrame(sameBounds, thread, 1290, 1400)).toBe('FunctionCall 40');
  });
});
