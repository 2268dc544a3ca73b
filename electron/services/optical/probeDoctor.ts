/**
 * The probe doctor (issue 20 §3): every optical read and programming session keeps its raw
 * transcript with the stop's visit, whatever its outcome — a failed read is what it is for.
 * Shown in the meter's history and exported as text (`fieldmeter probe transcript`).
 */
import { randomUUID } from 'node:crypto';
import { TranscriptRecorder, transcriptText } from '../../../shared/iec62056';
import type { Store } from '../store';
import type { Actor } from '../store/repositories/journal';
import type { StoredTranscript, TranscriptKind } from '../store/repositories/probeTranscripts';
import type { OpenLink } from '../serial/openProbe';
import { recordingOpener } from '../serial/recordingLink';

export interface ProbeSession {
  readonly recorder: TranscriptRecorder;
  readonly startedAt: string;
  /** The link opener the reader or programmer uses: every byte through it is recorded. */
  readonly openLink: OpenLink;
}

export function startProbeSession(openLink?: OpenLink, maskSent?: (bytes: Uint8Array) => void): ProbeSession {
  // Times relative to the session's start, from a monotonic clock.
  const recorder = new TranscriptRecorder(() => performance.now(), undefined, maskSent ?? null);
  return { recorder, startedAt: new Date().toISOString(), openLink: recordingOpener(recorder, openLink) };
}

/** Stores the session's transcript; returns its id. */
export function keepTranscript(
  store: Store,
  actor: Actor,
  session: ProbeSession,
  facts: { usagePointId: string; meterSerial: string; kind: TranscriptKind; port: string; outcome: string },
): string {
  const id = randomUUID();
  store.probeTranscripts.insert({ id, ...facts, startedAt: session.startedAt, recordedBy: actor.name, ...session.recorder.finish() });
  return id;
}

/** The transcript as a text file: what, where, when, then each chunk with its time, direction, text and hex. */
export function transcriptFile(t: StoredTranscript): string {
  const header = [
    `Fieldmeter probe transcript ${t.id}`,
    `Usage point ${t.usagePointId}, meter ${t.meterSerial}`,
    `${t.kind} on ${t.port}, started ${t.startedAt} by ${t.recordedBy}: ${t.outcome}`,
    `${t.bytes} bytes${t.readingSetId ? `, reading set ${t.readingSetId}` : ''} (passwords masked with *)`,
  ];
  return transcriptText(header, t);
}
