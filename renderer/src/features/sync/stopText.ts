/**
 * Why a sync run stopped, in the user's language (issue 17 §2): said from the stop's reason and
 * details through the catalogs, never from the Node side's English sentence. A stop without a
 * known reason (an error before the run began) is said from its code, as any coded error is.
 */
import type { SyncStopShape } from '../../../../shared/contract/methods/sync';
// The app's one i18next instance (set up with both catalogs in i18n/index.ts), as lib/errorText.ts uses it.
import i18next from 'i18next';
import { errorText } from '../../lib/errorText';

export function syncStopText(stop: SyncStopShape): string {
  const values = Object.fromEntries(Object.entries(stop.details ?? {}).map(([k, v]) => [k, String(v)]));
  const key = `sync.stopReason.${stop.reason ?? ''}`;
  if (stop.reason && i18next.exists(key)) return i18next.t(key as never, values);
  return errorText({ code: stop.code, ...(stop.details ? { details: stop.details } : {}) });
}
