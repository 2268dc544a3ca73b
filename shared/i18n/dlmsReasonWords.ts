/**
 * Why DLMS/COSEM bytes could not be read (shared/dlms/errors.ts), in both languages: part of the
 * error catalogs under `reason.dlms` (the code's `dlms.` prefix is the section), so the HAN screen
 * and `dlms decode` say them alike. Keys are the codes after the prefix (`no-key` as the code has it).
 */
import type { DlmsReason } from '../dlms/errors';

type ReasonWords = Record<DlmsReason extends `dlms.${infer Code}` ? Code : never, string>;

export const dlmsReasonWordsEn = {
  truncated: 'The data ends too early. Wait for the next push, or read the meter again.',
  format: 'The meter sent something the DLMS standard does not allow there.',
  hcs: 'A frame was damaged on the way (its header check does not match). Check the cable and read again.',
  fcs: 'A frame was damaged on the way (its check sum does not match). Check the cable and read again.',
  segment: 'A part of a long answer was lost or came out of order. Read again.',
  limit: 'The answer is larger or deeper than Fieldmeter reads. Report the meter.',
  unsupported: 'The meter sent something in a form Fieldmeter does not read yet.',
  decrypt: 'It cannot be decrypted: the key does not fit this meter, or the bytes were altered.',
  'no-key': 'It is encrypted and this device has no key for this meter.',
  replay: 'This is not newer than what was already heard from this meter (a replay). It is not used.',
  refused: 'The meter refused the connection or the request. Check the password and the keys.',
} satisfies ReasonWords;

export const dlmsReasonWordsDe: typeof dlmsReasonWordsEn = {
  truncated: 'Die Daten enden zu früh. Warten Sie auf die nächste Push-Nachricht oder lesen Sie den Zähler erneut.',
  format: 'Der Zähler hat etwas gesendet, das der DLMS-Standard an dieser Stelle nicht erlaubt.',
  hcs: 'Ein Rahmen wurde unterwegs beschädigt (die Kopfprüfsumme stimmt nicht). Prüfen Sie das Kabel und lesen Sie erneut.',
  fcs: 'Ein Rahmen wurde unterwegs beschädigt (die Prüfsumme stimmt nicht). Prüfen Sie das Kabel und lesen Sie erneut.',
  segment: 'Ein Teil einer langen Antwort ging verloren oder kam in falscher Reihenfolge. Lesen Sie erneut.',
  limit: 'Die Antwort ist größer oder tiefer verschachtelt, als Fieldmeter liest. Melden Sie den Zähler.',
  unsupported: 'Der Zähler hat etwas in einer Form gesendet, die Fieldmeter noch nicht liest.',
  decrypt: 'Nicht zu entschlüsseln: Der Schlüssel passt nicht zu diesem Zähler, oder die Daten wurden verändert.',
  'no-key': 'Verschlüsselt, und dieses Gerät hat keinen Schlüssel für diesen Zähler.',
  replay: 'Nicht neuer als das, was von diesem Zähler schon empfangen wurde (eine Wiederholung). Es wird nicht verwendet.',
  refused: 'Der Zähler hat die Verbindung oder die Anfrage abgelehnt. Prüfen Sie Passwort und Schlüssel.',
};
