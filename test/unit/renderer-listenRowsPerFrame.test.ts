/**
 * How many rows new to the Listen screen's heard list join it a frame (issue 23 "Speed": no frame over
 * 50 ms at 100 telegrams a second): fewer after a frame that ran long, more after a short one, within bounds.
 */
import { describe, expect, it } from 'vitest';
import {
  FIRST_ROWS_PER_FRAME,
  LEAST_ROWS_PER_FRAME,
  MOST_ROWS_PER_FRAME,
  nextRowsPerFrame,
} from '../../renderer/src/features/listen/rowsPerFrame';

/** The rows a frame after each of these frame times, from the first frame's. */
const after = (frames: readonly number[]) => frames.reduce((rows, ms) => nextRowsPerFrame(rows, ms), FIRST_ROWS_PER_FRAME);

describe('nextRowsPerFrame', () => {
  it('halves the rows after a frame that ran long', () => {
    expect(nextRowsPerFrame(8, 60)).toBe(4);
    expect(nextRowsPerFrame(9, 40)).toBe(4);
  });

  it('never goes below the least, however long the frames: every meter heard gets its row', () => {
    expect(after([97, 97, 97, 97, 97, 97])).toBe(LEAST_ROWS_PER_FRAME);
  });

  it('grows by a little after short frames, up to the most', () => {
    expect(nextRowsPerFrame(8, 16)).toBe(10);
    expect(after(Array.from({ length: 50 }, () => 16))).toBe(MOST_ROWS_PER_FRAME);
  });

  it('keeps the count after a frame neither short nor long', () => {
    expect(nextRowsPerFrame(8, 25)).toBe(8);
  });

  it('recovers after a long frame when the frames are short again', () => {
    expect(after([80, 16, 16])).toBe(FIRST_ROWS_PER_FRAME);
  });
});
