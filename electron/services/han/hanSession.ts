/**
 * One HAN/P1 listening session at a stop: the port's bytes cut into pushes (shared/dlms/hanStream),
 * each opened with the key of the meter its system title names or, failing that, the stop's
 * meter's key (shared/dlms/hanPush), the last push kept for the screen. A push that decrypted
 * moves the stored counter of its system title (migration 32), so a replayed push is refused now
 * and after a restart. Keys are opened once per session and never leave this module.
 */
import { obisToReadingType } from '../../../shared/cim/codes/obis';
import type { HanState } from '../../../shared/contract/methods/han';
import { openHanPush, type HanKeys, type HanPush } from '../../../shared/dlms/hanPush';
import { HanStream } from '../../../shared/dlms/hanStream';
import { nodeAesGcm } from '../dlms/aesGcm';
import type { MeterKeys } from '../meterKeys';
import type { Store } from '../store';

export type HanLast = NonNullable<HanState['last']>;

export interface HanSession {
  feed(bytes: Uint8Array): void;
  heard(): number;
  last(): HanLast | null;
  /** The last push that carried values, with the key it was opened with: the stop's meter's, or one named by its system title. */
  lastValues(): { push: Extract<HanPush, { kind: 'values' }>; byStopKey: boolean } | null;
}

export interface HanSessionOptions {
  readonly store: Store;
  readonly meterKeys: Pick<MeterKeys, 'keysFor'>;
  readonly meterSerial: string;
  readonly now?: () => Date;
}

function keysOf(set: ReturnType<MeterKeys['keysFor']>): HanKeys | null {
  const encryptionKey = set['dlms.encryption'];
  return encryptionKey ? { encryptionKey, authenticationKey: set['dlms.authentication'] ?? null } : null;
}

export function createHanSession(options: HanSessionOptions): HanSession {
  const { store, meterKeys } = options;
  const now = options.now ?? (() => new Date());
  const stream = new HanStream();
  const stopKeys = keysOf(meterKeys.keysFor({ id: options.meterSerial }));
  // Keys filed under a system title (16 hex digits as the meter id) name the sender itself.
  const titleKeys = new Map<string, HanKeys | null>();
  let usedStopKey = false;
  const keysFor = (systemTitle: string): HanKeys | null => {
    if (!titleKeys.has(systemTitle)) titleKeys.set(systemTitle, keysOf(meterKeys.keysFor({ id: systemTitle })));
    const own = titleKeys.get(systemTitle) ?? null;
    usedStopKey = own === null && stopKeys !== null;
    return own ?? stopKeys;
  };
  let heard = 0;
  let last: HanLast | null = null;
  let lastValues: ReturnType<HanSession['lastValues']> = null;

  const take = (push: HanPush, at: string) => {
    heard++;
    const base = { heardAt: at, systemTitle: null, invocationCounter: null, meterSerial: null, sentAt: null, values: [] };
    switch (push.kind) {
      case 'values':
        if (push.systemTitle !== null && push.invocationCounter !== null)
          store.pushCounters.accept(push.systemTitle, push.invocationCounter, at);
        lastValues = { push, byStopKey: push.systemTitle !== null && usedStopKey };
        last = {
          ...base,
          outcome: 'values',
          reason: null,
          systemTitle: push.systemTitle,
          invocationCounter: push.invocationCounter,
          meterSerial: push.meterSerial,
          sentAt: push.sentAt,
          values: push.objects.flatMap((o) =>
            o.obis
              ? [{ obis: o.obis, value: o.value, unit: o.unit, readingType: obisToReadingType(o.obis, o.unit)?.readingType ?? null }]
              : [],
          ),
        };
        return;
      case 'cannotDecrypt':
        last = {
          ...base,
          outcome: 'cannotDecrypt',
          reason: push.reason,
          systemTitle: push.systemTitle,
          invocationCounter: push.invocationCounter,
        };
        return;
      case 'replay':
        last = {
          ...base,
          outcome: 'replay',
          reason: 'dlms.replay',
          systemTitle: push.systemTitle,
          invocationCounter: push.invocationCounter,
        };
        return;
      case 'unreadable':
        last = { ...base, outcome: 'unreadable', reason: push.reason };
        return;
    }
  };

  return {
    feed(bytes) {
      for (const chunk of stream.feed(bytes)) {
        const at = now().toISOString();
        if (!chunk.ok) take({ kind: 'unreadable', reason: chunk.reason }, at);
        else take(openHanPush(chunk.apdu, { gcm: nodeAesGcm, keysFor, lastCounter: (t) => store.pushCounters.last(t) }), at);
      }
    },
    heard: () => heard,
    last: () => last,
    lastValues: () => lastValues,
  };
}
