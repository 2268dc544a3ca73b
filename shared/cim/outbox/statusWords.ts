/**
 * MeterConfig status sent in the utility's words (issue 19 §6): the integration profile's
 * `meterStatus` map read backwards — the first word that maps to the app's state — so a utility
 * whose MDM speaks "Active" / "Removed" receives those. The default map starts with the app's own
 * words, so without a profile nothing changes.
 */
import type { AssetStatus } from '../../domain/workOrder';
import type { CimMessage } from '../message/types';

export function statusWordOf(words: Readonly<Record<string, AssetStatus>>, status: string): string {
  return Object.entries(words).find(([, state]) => state === status)?.[0] ?? status;
}

export function messageInStatusWords(message: CimMessage, words: Readonly<Record<string, AssetStatus>> | undefined): CimMessage {
  if (!words || message.kind === 'fault' || message.payload?.kind !== 'xml' || message.payload.body.noun !== 'MeterConfig') return message;
  const body = message.payload.body;
  const meters = body.value.meters.map((m) =>
    m.status?.value === undefined ? m : { ...m, status: { ...m.status, value: statusWordOf(words, m.status.value) } },
  );
  return { ...message, payload: { ...message.payload, body: { noun: body.noun, value: { ...body.value, meters } } } };
}
