/** The shape `mbus decode --json` prints (issue 23 §7) and its short human table. */
import type { DecodeResult } from '../../shared/mbus';

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
  const who = s.manufacturer
    ? `${s.medium === 'mbus' ? 'M-Bus' : 'wM-Bus'} ${s.manufacturer} ${s.id ?? ''}, version ${s.version ?? '?'}, ${s.deviceType ?? 'unknown'}`
    : 'Sender unknown';
  const security =
    s.encryption === 'none' || s.encryption === null
      ? 'not encrypted'
      : `${s.encryption}${s.decrypted ? ', decrypted' : ', not decrypted'}`;
  if (!s.ok) return `${who} (${security}): cannot read it.`;
  const rows = s.records.map((r) => [
    r.quantity,
    r.date ?? r.value ?? '—',
    r.unit ?? '',
    r.function === 'instantaneous' ? '' : r.function,
    r.storage ? `storage ${r.storage}` : '',
    r.tariff ? `tariff ${r.tariff}` : '',
    r.subunit ? `subunit ${r.subunit}` : '',
  ]);
  const widths = rows.reduce<number[]>((w, row) => row.map((cell, i) => Math.max(w[i] ?? 0, cell.length)), []);
  const lines = rows.map(
    (row) =>
      `  ${row
        .map((cell, i) => cell.padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd()}`,
  );
  return [`${who} (${security})`, ...(lines.length ? lines : ['  no records'])].join('\n');
}
