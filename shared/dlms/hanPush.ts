/**
 * One push from a HAN/P1 port opened: a plain data-notification (most Norwegian HAN meters), or
 * one wrapped in general-glo-ciphering (Green Book §9.2.7; Kamstrup Omnipower in Denmark,
 * Luxembourg Smarty, Austrian meters) decrypted with the key of the meter its system title
 * names (a Smarty's plain text is a DSMR telegram: hanDsmrText.ts). A push the key does not open is "heard, cannot decrypt" and carries no values; an
 * invocation counter that did not go forward for that system title is a replay (Green Book
 * §9.2.7.2.4.4) and carries none either. The caller keeps the counters; nothing here is stored.
 */
import { bytesToHex } from './bytes';
import { decipherApdu, GENERAL_GLO_CIPHERING, isCipheredTag, parseCiphered, type AesGcm } from './ciphering';
import { notificationObjects, type CapturedObject } from './captureObjects';
import { asDateTimeText } from './valueText';
import { DlmsError, type DlmsReason } from './errors';
import { isDsmrText, readDsmrPushText } from './hanDsmrText';
import { decodeApdu } from './xdlms';

export interface HanKeys {
  readonly encryptionKey: Uint8Array;
  readonly authenticationKey: Uint8Array | null;
}

export type HanPush =
  | {
      readonly kind: 'values';
      /** The sender's system title as hex (16 digits), null for a plain push. */
      readonly systemTitle: string | null;
      readonly invocationCounter: number | null;
      /** The push's own date-time (ISO 8601) when it carries one. */
      readonly sentAt: string | null;
      readonly objects: readonly CapturedObject[];
      /** The meter's serial as the push gives it (0-0:96.1.0.255, or 0-0:96.1.1.255 on Kamstrup). */
      readonly meterSerial: string | null;
    }
  | {
      readonly kind: 'cannotDecrypt';
      readonly systemTitle: string;
      readonly invocationCounter: number;
      readonly reason: 'dlms.decrypt' | 'dlms.no-key';
    }
  | { readonly kind: 'replay'; readonly systemTitle: string; readonly invocationCounter: number; readonly lastCounter: number }
  | { readonly kind: 'unreadable'; readonly reason: DlmsReason };

export interface HanPushOptions {
  readonly gcm: AesGcm;
  /** The keys of the meter with this system title (hex), or null when there are none. */
  readonly keysFor: (systemTitle: string) => HanKeys | null;
  /** The last counter accepted from this system title, or null. */
  readonly lastCounter: (systemTitle: string) => number | null;
}

const SERIAL_OBIS = ['0-0:96.1.0.255', '0-0:96.1.1.255'];

/** An octet string sent as hex that holds printable text (a serial such as "1KFM0100000035") is read as the text. */
function serialText(value: string | null): string | null {
  if (value === null || !/^(?:[0-9A-F]{2})+$/.test(value)) return value;
  const text = String.fromCharCode(...(value.match(/../g) ?? []).map((h) => parseInt(h, 16)));
  return /^[\x20-\x7e]+$/.test(text) ? text.trim() : value;
}

function valuesOf(plain: Uint8Array, systemTitle: string | null, invocationCounter: number | null): HanPush {
  if (isDsmrText(plain)) {
    const dsmr = readDsmrPushText(plain);
    return {
      kind: 'values',
      systemTitle,
      invocationCounter,
      sentAt: dsmr.sentAt,
      objects: dsmr.objects,
      meterSerial: serialText(dsmr.equipmentId),
    };
  }
  const apdu = decodeApdu(plain);
  if (apdu.kind !== 'data-notification') throw new DlmsError('dlms.unsupported', `a ${apdu.kind} on a push port`);
  const objects = notificationObjects(apdu.body);
  const serial = objects.find((o) => o.obis !== null && SERIAL_OBIS.includes(o.obis));
  return {
    kind: 'values',
    systemTitle,
    invocationCounter,
    sentAt: apdu.dateTime ? asDateTimeText(apdu.dateTime) : null,
    objects: objects.filter((o) => o !== serial),
    meterSerial: serialText(serial?.value ?? null),
  };
}

export function openHanPush(bytes: Uint8Array, options: HanPushOptions): HanPush {
  try {
    const tag = bytes[0];
    if (!isCipheredTag(tag)) return valuesOf(bytes, null, null);
    if (tag !== GENERAL_GLO_CIPHERING) throw new DlmsError('dlms.unsupported', 'a push is ciphered with general-glo-ciphering');
    const ciphered = parseCiphered(bytes);
    const systemTitle = bytesToHex(ciphered.systemTitle ?? new Uint8Array(0));
    const counter = ciphered.invocationCounter;
    const keys = options.keysFor(systemTitle);
    if (!keys) return { kind: 'cannotDecrypt', systemTitle, invocationCounter: counter, reason: 'dlms.no-key' };
    const last = options.lastCounter(systemTitle);
    if (last !== null && counter <= last) return { kind: 'replay', systemTitle, invocationCounter: counter, lastCounter: last };
    let plain: Uint8Array;
    try {
      plain = decipherApdu(ciphered, { gcm: options.gcm, encryptionKey: keys.encryptionKey, authenticationKey: keys.authenticationKey });
      // An encryption-only push (Austrian meters) opened with a wrong key is noise: it must decode.
      return valuesOf(plain, systemTitle, counter);
    } catch (error) {
      if (!(error instanceof DlmsError)) throw error;
      return { kind: 'cannotDecrypt', systemTitle, invocationCounter: counter, reason: 'dlms.decrypt' };
    }
  } catch (error) {
    if (!(error instanceof DlmsError)) throw error;
    return { kind: 'unreadable', reason: error.reason };
  }
}
