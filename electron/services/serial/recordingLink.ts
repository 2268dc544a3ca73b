/**
 * A SerialLink that keeps the probe doctor's transcript (shared/iec62056/transcript.ts): every
 * byte written and received, with its time, passwords masked. Wraps whatever link the reader or
 * the programmer opens, so neither needs to know it is recorded.
 */
import type { TranscriptRecorder } from '../../../shared/iec62056';
import type { OpenLink } from './openProbe';
import { openSerialLink, type SerialLink } from './link';

export function recordingLink(link: SerialLink, recorder: TranscriptRecorder): SerialLink {
  // One listener of our own, first, so received bytes are kept once however many listen.
  link.onData((bytes) => recorder.record('rx', bytes));
  return {
    ...link,
    write: (bytes) => {
      recorder.record('tx', bytes);
      return link.write(bytes);
    },
  };
}

/** `openLink` (or the serial port) opened through a recording link. */
export function recordingOpener(recorder: TranscriptRecorder, openLink?: OpenLink): OpenLink {
  return async (path, baud) =>
    recordingLink(await (openLink ?? ((p, b) => openSerialLink(p, { baudRate: b, frame: '7E1' })))(path, baud), recorder);
}
