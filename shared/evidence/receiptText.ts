/**
 * The words of a visit receipt in the customer's language (issue 24 §3). The receipt is drawn on the
 * Node side, which cannot reach the renderer's catalogs, so its few sentences live here, in both
 * languages with the same keys (the type makes a missing German key an error). Registers are named
 * in plain words from their ReadingType (IEC 61968-9 Annex C: measurement kind, flow direction,
 * time-of-use); the code itself is printed small beside them.
 */
import { describeReadingType } from '../cim/readingType';
import type { ReceiptLanguage, SignatureStatus, VisitWork } from './visit';

const en = {
  title: 'Visit receipt',
  who: 'Technician',
  when: 'Date and time',
  where: 'Address',
  usagePoint: 'Usage point',
  position: 'Position',
  meter: 'Meter',
  newMeter: 'Meter put in',
  oldMeter: 'Meter taken out',
  readings: 'Readings',
  purpose: { switch: 'switch reading', final: 'final reading', initial: 'initial reading' },
  seals: 'Seals',
  sealsRemoved: 'removed',
  sealsApplied: 'applied',
  none: 'none',
  photo: 'Register photo',
  done: 'What was done',
  work: {
    moveIn: 'Move-in reading',
    moveOut: 'Move-out reading',
    supplierChange: 'Reading for a change of supplier',
    disconnect: 'Disconnection',
    reconnect: 'Reconnection',
    exchange: 'Meter exchange',
    install: 'Meter installation',
    removal: 'Meter removal',
  } satisfies Record<VisitWork, string>,
  control: 'Outcome',
  outcome: {
    done: 'done',
    refusedByCustomer: 'refused by the customer',
    unsafe: 'not done: unsafe',
    meterNotFound: 'not done: meter not found',
  } as Record<string, string>,
  note: 'Note',
  signature: 'Signature',
  signed: {
    signed: 'Signed by the customer',
    noOneHome: 'No one was home: signed by the technician',
    declined: 'The customer declined to sign',
  } satisfies Record<SignatureStatus, string>,
  unsigned: 'Not signed',
  code: 'Verification code',
  codeHelp: 'The office can check this receipt with: fieldmeter receipt verify FILE',
  register: { energy: 'Energy', demand: 'Maximum demand', volume: 'Volume', power: 'Power', other: 'Register' },
  direction: { delivered: 'used (from the grid)', received: 'fed in (to the grid)', net: 'net', other: '' },
  tou: 'rate',
};

const de: typeof en = {
  title: 'Besuchsbestätigung',
  who: 'Techniker',
  when: 'Datum und Uhrzeit',
  where: 'Adresse',
  usagePoint: 'Messstelle',
  position: 'Standort',
  meter: 'Zähler',
  newMeter: 'Eingebauter Zähler',
  oldMeter: 'Ausgebauter Zähler',
  readings: 'Zählerstände',
  purpose: { switch: 'Wechselablesung', final: 'Ausbaustand', initial: 'Einbaustand' },
  seals: 'Plomben',
  sealsRemoved: 'entfernt',
  sealsApplied: 'angebracht',
  none: 'keine',
  photo: 'Foto des Zählwerks',
  done: 'Durchgeführte Arbeit',
  work: {
    moveIn: 'Ablesung bei Einzug',
    moveOut: 'Ablesung bei Auszug',
    supplierChange: 'Ablesung bei Lieferantenwechsel',
    disconnect: 'Sperrung',
    reconnect: 'Entsperrung',
    exchange: 'Zählerwechsel',
    install: 'Zählereinbau',
    removal: 'Zählerausbau',
  },
  control: 'Ergebnis',
  outcome: {
    done: 'durchgeführt',
    refusedByCustomer: 'vom Kunden abgelehnt',
    unsafe: 'nicht durchgeführt: nicht sicher',
    meterNotFound: 'nicht durchgeführt: Zähler nicht gefunden',
  },
  note: 'Bemerkung',
  signature: 'Unterschrift',
  signed: {
    signed: 'Vom Kunden unterschrieben',
    noOneHome: 'Niemand angetroffen: vom Techniker unterschrieben',
    declined: 'Der Kunde hat die Unterschrift verweigert',
  },
  unsigned: 'Nicht unterschrieben',
  code: 'Prüfcode',
  codeHelp: 'Das Büro prüft diese Bestätigung mit: fieldmeter receipt verify DATEI',
  register: { energy: 'Energie', demand: 'Höchstleistung', volume: 'Volumen', power: 'Leistung', other: 'Zählwerk' },
  direction: { delivered: 'Bezug (aus dem Netz)', received: 'Einspeisung (ins Netz)', net: 'Saldo', other: '' },
  tou: 'Tarif',
};

export type ReceiptText = typeof en;
export const receiptText: Readonly<Record<ReceiptLanguage, ReceiptText>> = { en, de };

/** "Energy used (from the grid), rate 1" / "Energie Bezug (aus dem Netz), Tarif 1"; the label when the code says nothing. */
export function registerWords(readingType: string, label: string, language: ReceiptLanguage): string {
  const text = receiptText[language];
  const d = describeReadingType(readingType);
  if (!d) return label;
  const kind = text.register[d.kind as keyof ReceiptText['register']] ?? text.register.other;
  const words = [kind, text.direction[d.direction]].filter(Boolean).join(' ');
  return d.tou > 0 ? `${words}, ${text.tou} ${d.tou}` : words;
}

/** Local date and time in the receipt's language (de: 07.12.2026, 14:05; en: 12/7/2026, 2:05 PM). */
export function localDateTime(iso: string, language: ReceiptLanguage, timeZone?: string): string {
  return new Intl.DateTimeFormat(language === 'de' ? 'de-DE' : 'en-GB', {
    dateStyle: 'long',
    timeStyle: 'short',
    ...(timeZone ? { timeZone } : {}),
  }).format(new Date(iso));
}

/** A register value as the customer writes numbers (de: 1.234,5). Exact: the decimal text is regrouped, never parsed to a float. */
export function localNumber(value: string, language: ReceiptLanguage): string {
  const [whole = '', fraction] = value.split('.');
  const group = language === 'de' ? '.' : ',';
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  return fraction === undefined ? grouped : `${grouped}${language === 'de' ? ',' : '.'}${fraction}`;
}
