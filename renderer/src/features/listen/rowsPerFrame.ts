/**
 * How many rows new to the heard list join it in the next frame (issue 23 "Speed": no frame over 50 ms
 * while 100 telegrams a second arrive). In the first seconds of a walk-by about a hundred meters are heard
 * for the first time each second; their rows join a few a frame. A fixed ten a frame was still too many on
 * a loaded machine (frames of 60–97 ms, bench/listenFrames.ts) and more than needed on an idle one, so the
 * count follows the frames as they are measured: halved after a frame that ran long, grown by a little
 * after a short one (additive increase, multiplicative decrease, as TCP's congestion window, RFC 5681).
 */

/** Rows in the first frame of a walk-by, before any frame was measured. */
export const FIRST_ROWS_PER_FRAME = 8;
/** At least this many a frame, however long the frames: every row must join within seconds. */
export const LEAST_ROWS_PER_FRAME = 2;
/** At most this many a frame, however short the frames. */
export const MOST_ROWS_PER_FRAME = 24;

/** A frame longer than this leaves too little of the 50 ms for the rest of the page's work. */
const LONG_FRAME_MS = 34;
/** A frame shorter than this (about two display refreshes at 60 Hz) had room for more rows. */
const SHORT_FRAME_MS = 20;
const GROWTH = 2;

/** The next frame's rows, from this frame's and how long the frame that drew them took (ms). */
export function nextRowsPerFrame(rows: number, frameMs: number): number {
  if (frameMs > LONG_FRAME_MS) return Math.max(LEAST_ROWS_PER_FRAME, Math.floor(rows / 2));
  if (frameMs < SHORT_FRAME_MS) return Math.min(MOST_ROWS_PER_FRAME, rows + GROWTH);
  return Math.min(MOST_ROWS_PER_FRAME, Math.max(LEAST_ROWS_PER_FRAME, rows));
}
