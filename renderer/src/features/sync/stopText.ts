/**
 * Why a sync run stopped, in the user's language (issue 16 §3, issue 17 §2): said from the stop's
 * reason and details through the error catalogs (errors.syncStop.*, the words the CLI says too),
 * never from a sentence of the Node side. A run that threw is said as its error is.
 */
import type { SyncStopShape } from '../../../../shared/contract/methods/sync';
import { errorText } from '../../lib/errorText';

export function syncStopText(stop: SyncStopShape): string {
  return errorText({ code: 'INTERNAL', details: { reason: 'syncStopped', stop } });
}
