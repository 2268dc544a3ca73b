/**
 * Wireless M-Bus benchmarks (issue 23 "Speed"), each against a baseline in the same run:
 * 1. decoding a batch of mode 5 telegrams of distinct meters (format A CRCs, key looked up by
 *    manufacturer and id, AES-CBC, 2F2F check, records as exact text) against the same telegrams
 *    unencrypted — target ≥ 50,000 telegrams per second with decryption;
 * 2. matching a telegram to its stop on a 100,000-meter route against a 1,000-meter route (O(1):
 *    the ratio stays near 1).
 * Timed in this process's CPU time, interleaved rounds, medians (other load on the machine does
 * not decide the numbers).
 *
 *   npx tsx bench/mbus.ts  → bench/results/mbus.json (bench/report.ts adds it to bench/README.md)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { nodeAes } from '../electron/services/mbus/nodeAes';
import { decodeTelegram, encodeTelegram, hexBytes, meterKey, radioRouteIndex } from '../shared/mbus';

const TELEGRAMS = 2_000;
const ROUNDS = 15;
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const round = (n: number, digits = 2) => Number(n.toFixed(digits));

// A water meter's usual C1 telegram: volume, due date, due-day volume, error flags, battery life (OMS Vol.2 Annex B style).
const records = (i: number) =>
  hexBytes(
    `0413 ${(i * 7919).toString(16).padStart(8, '0').match(/../g)?.reverse().join('')} 426C 7F2C 4413 10270000 02FD17 0000 02FD74 6E01`,
  );
const meters = Array.from({ length: TELEGRAMS }, (_, i) => ({
  manufacturer: i % 3 ? 'KAM' : 'ELS',
  id: String(10_000_000 + i),
  key: hexBytes((i * 2654435761).toString(16).padStart(32, '0').slice(-32)),
}));
const encrypted = meters.map((m, i) =>
  encodeTelegram({ ...m, version: 0x1b, deviceType: 0x07, accessNumber: i & 0xff, records: records(i), aes: nodeAes }),
);
const plain = meters.map((m, i) =>
  encodeTelegram({ manufacturer: m.manufacturer, id: m.id, version: 0x1b, deviceType: 0x07, accessNumber: i & 0xff, records: records(i) }),
);
const keys = new Map(meters.map((m) => [meterKey(m.manufacturer, m.id), m.key]));
const options = {
  aes: nodeAes,
  keyFor: (h: { manufacturer: string | null; id: string | null }) => keys.get(meterKey(h.manufacturer ?? '', h.id ?? '')),
};

function decodeAll(batch: readonly Uint8Array[]): number {
  let values = 0;
  for (const t of batch) {
    const r = decodeTelegram(t, options);
    if (!r.ok) throw new Error(r.reason);
    values += r.telegram.records.length;
  }
  return values;
}

function timeRounds(variants: Readonly<Record<string, () => unknown>>): Record<string, number[]> {
  const names = Object.keys(variants);
  const ms: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (const name of names) variants[name]?.(); // warm up
  for (let r = 0; r < ROUNDS; r++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(k + r) % names.length] as string;
      const t0 = cpuMs();
      variants[name]?.();
      ms[name]?.push(cpuMs() - t0);
    }
  }
  return ms;
}

const decodeMs = timeRounds({ encrypted: () => decodeAll(encrypted), plain: () => decodeAll(plain) });
const encMs = median(decodeMs.encrypted ?? []);
const plainMs = median(decodeMs.plain ?? []);
const perSecondEncrypted = Math.round((TELEGRAMS / encMs) * 1000);
const decode = {
  telegrams: TELEGRAMS,
  bytesPerTelegram: encrypted[0]?.length ?? 0,
  encryptedMs: round(encMs),
  plainMs: round(plainMs),
  perSecondEncrypted,
  perSecondPlain: Math.round((TELEGRAMS / plainMs) * 1000),
  ratio: round(median((decodeMs.encrypted ?? []).map((e, i) => e / (decodeMs.plain?.[i] ?? NaN)))),
  target: 50_000,
  met: perSecondEncrypted >= 50_000,
};

// 2. Matching: the same 100,000 lookups against a 100,000-meter and a 1,000-meter route.
const LOOKUPS = 100_000;
const route = (size: number) =>
  radioRouteIndex(Array.from({ length: size }, (_, i) => ({ manufacturer: 'KAM', id: String(20_000_000 + i), stop: i })));
const big = route(100_000);
const small = route(1_000);
const probes = Array.from({ length: LOOKUPS }, (_, i) => String(20_000_000 + ((i * 7919) % 1_000)));
const lookup = (index: typeof big) => () => {
  let found = 0;
  for (const id of probes) if (index.match('KAM', id)) found++;
  return found;
};
const matchMs = timeRounds({ big: lookup(big), small: lookup(small) });
const match = {
  routeMeters: big.size,
  baselineMeters: small.size,
  lookups: LOOKUPS,
  perLookupNs: round((median(matchMs.big ?? []) * 1e6) / LOOKUPS, 1),
  baselinePerLookupNs: round((median(matchMs.small ?? []) * 1e6) / LOOKUPS, 1),
  ratio: round(median((matchMs.big ?? []).map((b, i) => b / (matchMs.small?.[i] ?? NaN)))),
  note: 'the same lookups (1,000 distinct meters heard) on both routes; what remains of the ratio is the larger table missing the CPU cache, not a search',
  target: '≤ 2',
};

const results = { date: new Date().toISOString(), node: process.version, decode, match };
mkdirSync(join(import.meta.dirname, 'results'), { recursive: true });
writeFileSync(join(import.meta.dirname, 'results', 'mbus.json'), `${JSON.stringify(results, null, 2)}\n`);
process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
process.exit(decode.met && match.ratio <= 2 ? 0 : 1);
