/**
 * bench/frameWork.ts: the CPU each animation frame's work took, told apart from the time it waited for a CPU
 * (bench/listenFrames.ts judges the Listen screen by it).
 */
import { describe, expect, it } from 'vitest';
import { cpuPerFrame, mainThreadTasks, pageThread, workInFrame, type TraceEvent } from '../../bench/frameWork';

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

  it('a frame made long by waiting for a CPU has little work in it; one made long by work has it all', () => {
    const thread = pageThread([mark], 'window', 1000)!;
    const tasks = mainThreadTasks(
      [
        mark,
        task(1005, 100, 8), // 100 ms of wall time, 8 ms of CPU: the machine was busy with other work
        task(1120, 60, 58), // a long task that worked
      ],
      thread,
    );
    const frames = cpuPerFrame([1000, 1105, 1121, 1200], tasks);
    expect(frames[0]).toBeCloseTo(8, 5); // all of the first task
    expect(frames[1]).toBeCloseTo(58 / 60, 5); // one ms of the second
    expect(frames[2]).toBeCloseTo((58 * 59) / 60, 5); // the rest of it
  });

  it('a task over two frames shares its CPU between them by the wall time in each', () => {
    const frames = cpuPerFrame([0, 16, 32], [{ start: 8, end: 24, cpuMs: 16 }]);
    expect(frames).toEqual([8, 8]);
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
  });
});
