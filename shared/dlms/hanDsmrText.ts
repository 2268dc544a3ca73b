/**
 * The plain text inside a ciphered push from a Luxembourg Smarty P1 port: general-glo-ciphering
 * (AES-128-GCM, the same frame as a DLMS push) around a DSMR telegram, not an xDLMS
 * data-notification (Luxembourg Smarty P1 Companion Standard 1.1.1 §3, after DSMR 5.0.2 P1 §6.12):
 * `/ident`, a blank line, `A-B:C.D.E(value*unit)` lines, then `!` and a CRC. The GCM tag already
 * vouches for every byte, so the CRC is not checked again. Each line becomes a captured object
 * with its OBIS code written in full (F = 255, as a data-notification names it), the value as
 * sent and its unit; a set with several values (a gas channel's time and volume) gives the one with
 * a unit. 0-0:1.0.0 is the telegram's time; 0-0:96.1.1 the meter's equipment id.
 */
import { dsmrTimestamp } from '../cim/codes/powerFailures';
import type { CapturedObject } from './captureObjects';
import { parseDataText, type DataSet } from '../iec62056/dataSets';

const SLASH = 0x2f;
const DSMR_OBIS = /^\d{1,3}-\d{1,3}:\d{1,3}\.\d{1,3}\.\d{1,3}$/;
const TIME = '0-0:1.0.0.255';
const EQUIPMENT_IDS = ['0-0:96.1.1.255', '0-0:96.1.0.255'];

export interface DsmrPushText {
  readonly objects: CapturedObject[];
  /** The telegram's time (0-0:1.0.0, Luxembourg time with its S/W mark) as ISO 8601, or null. */
  readonly sentAt: string | null;
  /** The equipment id as sent (hex of its characters, as DSMR writes it). */
  readonly equipmentId: string | null;
}

/** True when decrypted bytes are DSMR text (they begin with the `/` of the identification line). */
export function isDsmrText(plain: Uint8Array): boolean {
  return plain[0] === SLASH;
}

function objectOf(set: DataSet): CapturedObject | null {
  if (!DSMR_OBIS.test(set.obis)) return null;
  const chosen = set.values.find((v) => v.unit !== null) ?? set.values[set.values.length - 1];
  if (!chosen) return null;
  return { obis: `${set.obis}.255`, classId: null, attribute: null, value: chosen.value, unit: chosen.unit };
}

export function readDsmrPushText(plain: Uint8Array): DsmrPushText {
  const text = new TextDecoder('latin1').decode(plain);
  // The identification line is not a data set; the data start after it.
  const body = text.slice(text.indexOf('\n') + 1);
  const all = parseDataText(body)
    .dataSets.map(objectOf)
    .filter((o): o is CapturedObject => o !== null);
  const time = all.find((o) => o.obis === TIME);
  const equipment = all.find((o) => o.obis !== null && EQUIPMENT_IDS.includes(o.obis));
  return {
    objects: all.filter((o) => o !== time && o !== equipment),
    sentAt: time?.value ? dsmrTimestamp(time.value) : null,
    equipmentId: equipment?.value ?? null,
  };
}
