/**
 * Meter keys from the enterprise (issue 22 §5, issue 23 §5): a MeterConfig's
 * `Meter/SecurityKeys/securityKey` (the Connexo extension the CX MeterConfig.xsd imports,
 * SecurityKeys.xsd — 61968-9 itself has no place for a secret). The agreed accessor names are the
 * key file's kinds: `mbus`, `dlms.encryption`, `dlms.authentication`, `dlms.password`. The key is
 * CipherData/CipherValue in base64, plain as Connexo reads it when no wrapKeyInfo comes with it; a
 * wrapped key (wrapKeyInfo, or an EncryptionMethod) is refused: only the HSM it was wrapped for
 * can open it. Keys are kept sealed through the meter-key store, in the message's transaction;
 * a refusal names the meter and the accessor, never the key.
 */
import { AppError } from '../../../shared/contract/result';
import { mayDo } from '../../../shared/contract/rights';
import type { MeterAsset } from '../../../shared/cim/payloads/deviceConfig';
import { radioAddressOf } from '../../../shared/mbus/radioAddress';
import type { ArrivingKey, MeterKeys } from '../meterKeys';
import { meterKeyKinds, type MeterKeyKind } from '../store/repositories/meterKeys';
import { reject, type InboundContext } from './context';

/** Where an inbound message's keys go, and whether its source may set keys whoever applies it. */
export interface InboundKeys {
  readonly keeper: Pick<MeterKeys, 'keepWithin'>;
  /**
   * True for the enterprise's own queue (sync): the message is the utility's, whichever profile
   * ran the sync. False for a file handed to the device: then, as for a key file, a supervisor's.
   */
  readonly fromEnterprise: boolean;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const isKind = (name: string): name is MeterKeyKind => (meterKeyKinds as readonly string[]).includes(name);

type KeyProblem = 'notBase64' | 'notPassword' | 'notAesKey';

/** The key's bytes, or why not (the reason names no byte of it). */
function keyBytes(kind: MeterKeyKind, cipherValue: string | undefined): Uint8Array | KeyProblem {
  const text = (cipherValue ?? '').replace(/\s+/g, '');
  if (text === '' || text.length % 4 !== 0 || !BASE64.test(text)) return 'notBase64';
  const bytes = Buffer.from(text, 'base64');
  if (kind === 'dlms.password') return bytes.length >= 1 && bytes.length <= 16 ? bytes : 'notPassword';
  return bytes.length === 16 ? bytes : 'notAesKey';
}

/** The meter's keys from its SecurityKeys, kept; how many meters got keys (0 or 1). */
export function keepMeterConfigKeys(ctx: InboundContext, meter: MeterAsset, serial: string): number {
  const sent = meter.securityKeys ?? [];
  if (sent.length === 0) return 0;
  const near = 'SecurityKeys';
  const keys: ArrivingKey[] = [];
  for (const item of sent) {
    const name = item.accessorName?.trim() ?? '';
    if (!isKind(name)) reject(ctx, 'meterKeyRefused', { serial, kind: name.slice(0, 40), problem: 'unknownKind' }, near);
    if (item.wrapped) reject(ctx, 'meterKeyRefused', { serial, kind: name, problem: 'wrapped' }, near);
    const bytes = keyBytes(name, item.cipherValue);
    if (typeof bytes === 'string') reject(ctx, 'meterKeyRefused', { serial, kind: name, problem: bytes }, near);
    const radio = name === 'mbus' ? radioAddressOf(serial) : null;
    if (name === 'mbus' && !radio) reject(ctx, 'meterKeyRefused', { serial, kind: name, problem: 'needsRadioAddress' }, near);
    // A radio meter's key is named by its radio address (as Listen looks it up), a DLMS meter's by its serial.
    keys.push(
      radio
        ? { manufacturer: radio.manufacturer, meterId: radio.id, kind: name, key: bytes }
        : { manufacturer: '', meterId: serial, kind: name, key: bytes },
    );
  }
  const inbound = ctx.meterKeys;
  if (!inbound?.fromEnterprise && !mayDo(ctx.actor.role, 'supervise'))
    throw new AppError('FORBIDDEN', `The message carries keys for meter ${serial}; only a supervisor may import it.`, {
      reason: 'meterKeys.needSupervisor',
    });
  if (!inbound)
    throw new AppError('VALIDATION', 'This device cannot keep meter keys safely; nothing was applied.', {
      reason: 'meterKeys.storageUnavailable',
      problem: 'unavailable',
    });
  inbound.keeper.keepWithin(ctx.change, keys, { from: 'meterConfig', name: ctx.messageId });
  return 1;
}
