/**
 * The shape `mbus decode --json` prints (issue 23 §7), its short human table, and what `mbus listen`
 * says it heard; the words from the CLI catalogs (issue 16 §3): quantities, functions, device types
 * and security modes from the names shared with the screen (shared/i18n/meterNames.*), a reason in
 * its words with its code small beside, as the screen shows it; values as the meter gave them.
 */
import type { DecodeResult } from '../../shared/mbus';
import { nameOf, securityName } from '../../shared/i18n/meterNames';
import { cliErrorWords, cliMeterNames, cliWords, fill, reasonWords } from './language';

/** An error code's words (a meter's save problem), the code itself where the catalog has none. */
const codeWords = (code: string): string => (cliErrorWords().code as Readonly<Record<string, string>>)[code] ?? code;

export interface TelegramSummary {
  ok: boolean;
  reason: string | null;
  medium: 'wmbus' | 'mbus' | null;
  manufacturer: string | null;
  id: string | null;
  version: number | null;
  deviceType: string | null;
  encryption: string | null;
  decrypted: boolean;
  records: {
    value: string | null;
    unit: string | null;
    storage: number;
    tariff: number;
    subunit: number;
    function: string;
    quantity: string;
    date: string | null;
  }[];
}

export function telegramSummary(result: DecodeResult): TelegramSummary {
  const header = result.ok ? result.telegram : result.header;
  return {
    ok: result.ok,
    reason: result.ok ? null : result.reason,
    medium: header?.medium ?? null,
    manufacturer: header?.manufacturer ?? null,
    id: header?.id ?? null,
    version: header?.version ?? null,
    deviceType: header?.deviceType ?? null,
    encryption: header?.encryption ?? null,
    decrypted: result.ok && result.telegram.decrypted,
    records: result.ok
      ? result.telegram.records.map((r) => ({
          value: r.value,
          unit: r.unit,
          storage: r.storage,
          tariff: r.tariff,
          subunit: r.subunit,
          function: r.function,
          quantity: r.quantity,
          date: r.date,
        }))
      : [],
  };
}

export function telegramTable(s: TelegramSummary): string {
  const said = cliWords().mbus;
  const names = cliMeterNames();
  const who = s.manufacturer
    ? fill(said.sender, {
        medium: s.medium === 'mbus' ? 'M-Bus' : 'wM-Bus',
        manufacturer: s.manufacturer,
        id: s.id ?? '',
        version: s.version ?? '?',
        deviceType: s.deviceType ? nameOf(names.mbusDevice, s.deviceType) : said.unknownDevice,
      })
    : said.senderUnknown;
  const security =
    s.encryption === 'none' || s.encryption === null
      ? said.notEncrypted
      : `${securityName(names, s.encryption)}${s.decrypted ? said.decrypted : said.notDecrypted}`;
  if (!s.ok) return fill(said.cannotRead, { who, security });
  const rows = s.records.map((r) => [
    nameOf(names.mbusQuantity, r.quantity),
    r.date ?? r.value ?? '—',
    r.unit ?? '',
    r.function === 'instantaneous' ? '' : nameOf(names.mbusFunction, r.function),
    r.storage ? fill(said.storage, { n: r.storage }) : '',
    r.tariff ? fill(said.tariff, { n: r.tariff }) : '',
    r.subunit ? fill(said.subunit, { n: r.subunit }) : '',
  ]);
  const widths = rows.reduce<number[]>((w, row) => row.map((cell, i) => Math.max(w[i] ?? 0, cell.length)), []);
  const lines = rows.map(
    (row) =>
      `  ${row
        .map((cell, i) => cell.padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd()}`,
  );
  return [`${who} (${security})`, ...(lines.length ? lines : [said.noRecords])].join('\n');
}

export interface ListenReport {
  counts: { stops: number; heard: number; notHeard: number; notOnRoute: number; duplicates: number; damaged: number };
  heard: readonly {
    meterSerial: string | null;
    values: readonly { value: string }[];
    reason: string | null;
    readingSetId: string | null;
    saveProblem?: string | null;
  }[];
  notHeard: readonly { meterSerial: string; address: string }[];
  others: readonly {
    manufacturer: string | null;
    id: string | null;
    reason: string | null;
    records: readonly { value: string | null; unit: string | null; quantity: string }[];
  }[];
}

export function listenText(r: ListenReport): string {
  const said = cliWords().mbus;
  const names = cliMeterNames();
  return [
    fill(said.heardCounts, { ...r.counts }),
    ...r.heard.map((h) =>
      fill(said.heard, {
        meter: h.meterSerial ?? '?',
        what: h.reason ? reasonWords(h.reason) : h.values.map((v) => v.value).join(', '),
        saved: h.readingSetId
          ? said.savedMark
          : h.saveProblem
            ? fill(said.notSavedMark, { words: codeWords(h.saveProblem), code: `(${h.saveProblem})` })
            : '',
      }),
    ),
    ...r.notHeard.map((s) => fill(said.notHeard, { meter: s.meterSerial, address: s.address })),
    ...r.others.map((o) =>
      fill(said.other, {
        meter: `${o.manufacturer ?? ''}${o.id ?? ''}`,
        what: o.reason
          ? reasonWords(o.reason)
          : o.records.map((x) => `${nameOf(names.mbusQuantity, x.quantity)} ${x.value ?? ''} ${x.unit ?? ''}`.trim()).join(', '),
      }),
    ),
  ].join('\n');
}
