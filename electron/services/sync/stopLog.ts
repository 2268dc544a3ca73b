/**
 * The English sentence of a sync stop, for the Node log and the attempt history only (issue 16 §3):
 * the user reads the stop in their language from its reason and details (errors.syncStop.*).
 */
import type { SyncStopShape } from '../../../shared/contract/syncStop';

/** The last try's connection trouble, for the log: the coded reason, the system's code, the status. */
function lastTry(details: { network?: string; systemCode?: string; status?: number }): string {
  const parts = [details.network, details.systemCode, details.status === undefined ? undefined : `HTTP ${details.status}`].filter(Boolean);
  return parts.length ? ` [${parts.join(' ')}]` : '';
}

export function stopSentence(stop: SyncStopShape): string {
  const peer = stop.peerText ? ` (${stop.peerText})` : '';
  switch (stop.reason) {
    case 'credentials':
      return stop.details.credentials === 'missing'
        ? `The enterprise wants credentials (HTTP ${stop.details.status}) and none are set.`
        : `The enterprise refused the credentials (HTTP ${stop.details.status}).`;
    case 'httpStatus':
      return `The endpoint answered HTTP ${stop.details.status}; is the endpoint URL right?`;
    case 'badReply':
      return `The enterprise's reply to ${stop.details.messageId} was refused${peer}. Nothing was marked sent.`;
    case 'replyTooLarge':
      return `The enterprise's reply was over the limit of ${stop.details.limitBytes ?? '?'} bytes. Nothing was marked sent.`;
    case 'cancelled':
      return 'The sync was cancelled; what was not answered stays in the outbox.';
    case 'unreachable':
      return `The enterprise could not be reached after ${stop.details.attempts} attempts${lastTry(stop.details)}${peer}.`;
    case 'inboundFailed':
      return `Sent; but the enterprise's messages for this device could not be fetched${lastTry(stop.details)}${peer}.`;
    case 'failed':
      return `The sync run failed (${stop.details.error.code}).`;
    case 'recorded':
      return stop.details.text;
  }
}
