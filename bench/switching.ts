/**
 * Customer switching benchmarks (issue 9), each against a baseline in the same run:
 * - one MeterServiceRequests message with 1,000 switch orders, applied in one transaction
 *   (parse + checks + rows + inbox + audit) against parsing the same message alone;
 * - a switch reading (window check, reading, order, audit, outbox) against an ordinary visit save.
 *
 *   npx tsx bench/switching.ts  → bench/results/switching.json (bench/report.ts adds it to bench/README.md)
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { demoRouteCsv } from '../electron/services/demo/demoRoute';
import { applyInboundMessage } from '../electron/services/inbound/applyMessage';
import { saveManualReadings } from '../electron/services/readings/saveReadings';
import { importRoute } from '../electron/services/routes/importRoute';
import { openStore } from '../electron/services/store';
import { takeSwitchReading } from '../electron/services/switching/switchRead';
import { buildMessage, parseMessage } from '../shared/cim';
import { defaultValidationSettings } from '../shared/domain/readingValidation';

process.env.FIELDMETER_LOG = 'silent';
const actor = { name: 'bench', role: 'technician' } as const;
const dir = mkdtempSync(join(tmpdir(), 'fieldmeter-bench-switching-'));
const ORDERS = 1_000;
const READS = 200;
const percentile = (samples: number[], p: number) =>
  [...samples].sort((a, b) => a - b)[Math.min(samples.length - 1, Math.floor((p / 100) * samples.length))] ?? 0;
const round = (n: number, digits = 2) => Number(n.toFixed(digits));

const store = openStore(join(dir, 'bench.db'));
importRoute(store, actor, { fileName: 'bench.csv', content: demoRouteCsv(ORDERS + READS), acceptValidRows: false });
const points = Array.from({ length: ORDERS + READS }, (_, i) => `UP-${1001 + i}`);
const serialAt = (up: string) => store.meters.get(up)?.meterSerial ?? '';
const now = new Date();
const window = { start: new Date(now.getTime() - 86_400_000).toISOString(), end: new Date(now.getTime() + 86_400_000).toISOString() };

// 1. 1,000 switch orders in one message.
const xml = buildMessage({
  kind: 'request',
  header: { verb: 'create', noun: 'MeterServiceRequests', timestamp: now.toISOString(), source: 'CIS', messageID: 'BENCH-1' },
  payload: {
    kind: 'xml',
    body: {
      noun: 'MeterServiceRequests',
      value: {
        header: { verb: 'create', noun: 'MeterServiceRequests', messageID: 'SW-BENCH' },
        work: points.slice(0, ORDERS).map((up, i) => ({
          kind: 'service' as const,
          requestDateTime: now.toISOString(),
          type: 'moveOut',
          customers: [{ mRID: `C-${i}`, customerAgreements: [{ mRID: `CA-${i}` }], names: [{ name: `Customer ${i}` }] }],
          meter: { serialNumber: serialAt(up), meterReadings: [{ valuesInterval: window }] },
        })),
      },
    },
  },
});
// The parse alone, best of three (the first also pays for compiling the parser).
let parseMs = Infinity;
let t = 0;
for (let i = 0; i < 3; i++) {
  t = performance.now();
  parseMessage(xml, undefined, { allowDraftEnvelope: true });
  parseMs = Math.min(parseMs, performance.now() - t);
}
t = performance.now();
const applied = applyInboundMessage(store, actor, xml, { now });
const applyMs = performance.now() - t;
if (applied.applied.switchOrdersCreated !== ORDERS) throw new Error(`expected ${ORDERS} orders, got ${JSON.stringify(applied.applied)}`);

// 2. Switch readings vs ordinary visit saves, alternating so both see the same machine load.
const context = { settings: defaultValidationSettings, photoDir: join(dir, 'photos') };
const valuesAt = (up: string) =>
  (store.meters.get(up)?.registers ?? []).map((r) => ({
    registerId: r.id,
    value: r.lastValue ?? '0',
    confirmation: { method: 'reason' as const, reason: 'bench' },
  }));
const switches: number[] = [];
const visits: number[] = [];
for (let i = 0; i < READS; i++) {
  const id = `SW-BENCH-${i + 1}`;
  const switchValues = valuesAt(points[i] ?? '');
  t = performance.now();
  takeSwitchReading(store, actor, { switchOrderId: id, values: switchValues }, context);
  switches.push(performance.now() - t);
  const up = points[ORDERS + i] ?? '';
  const visitValues = valuesAt(up);
  t = performance.now();
  saveManualReadings(store, actor, { usagePointId: up, values: visitValues }, context);
  visits.push(performance.now() - t);
}
store.close();
rmSync(dir, { recursive: true, force: true });

const results = {
  orders: ORDERS,
  messageBytes: xml.length,
  applyMs: round(applyMs),
  parseOnlyMs: round(parseMs),
  applyVsParse: round(applyMs / parseMs),
  reads: READS,
  switchReadP50Ms: round(percentile(switches, 50), 3),
  visitSaveP50Ms: round(percentile(visits, 50), 3),
  switchVsVisit: round(percentile(switches, 50) / percentile(visits, 50)),
};
writeFileSync(
  join(import.meta.dirname, 'results', 'switching.json'),
  JSON.stringify({ date: new Date().toISOString(), ...results }, null, 2) + '\n',
);
process.stdout.write(JSON.stringify(results, null, 2) + '\n');
