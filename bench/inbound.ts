/**
 * Inbound messages of 100 MB (issue 4: handled without holding more than 300 MB): a MeterConfig of
 * ~330,000 Meters in one file, applied by `fieldmeter import message` as its own process, and the
 * same payload as Payload/Compressed (base64 gzip) in a generic envelope. Peak RSS is the child's
 * maximum resident set (GNU time %M); the time is the whole command, start-up included.
 *
 *   npx tsx bench/inbound.ts   → bench/results/inbound.json
 */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildMessage, buildPayloadDocument, type CimMessage, type PayloadBody } from '../shared/cim';

const TARGET_BYTES = 100 * 1024 * 1024;
const LIMIT_MB = 300;
const MB = 1024 * 1024;
const bin = join(import.meta.dirname, '..', 'bin', 'fieldmeter.mjs');

/** One Meter as the enterprise sends it: serial, mRID, asset status and a name. */
const body = (serial: string): PayloadBody => ({
  noun: 'MeterConfig',
  value: {
    meters: [
      {
        mRID: `mrid-${serial}`,
        serialNumber: serial,
        lotNumber: 'LOT-2026-11',
        type: 'AMR single-phase',
        status: { value: 'inStock' },
        names: [{ name: `Stock meter ${serial}` }],
      },
    ],
  },
});
const message = (
  payload: CimMessage extends infer M ? (M extends { kind: 'request'; payload?: infer P } ? P : never) : never,
): CimMessage => ({
  kind: 'request',
  header: { verb: 'create', noun: 'MeterConfig', timestamp: '2026-11-23T10:00:00Z', source: 'CIS', messageID: `bench-${Math.random()}` },
  payload,
});

/** Writes head + N copies of the Meter element (with its serial) + tail, to about `bytes`; returns the meter count. */
function writeRepeated(path: string, template: string, bytes: number): number {
  const SERIAL = 'S0000000';
  const start = template.indexOf('<m:Meter>');
  const end = template.indexOf('</m:Meter>') + '</m:Meter>'.length;
  const [head, meter, tail] = [template.slice(0, start), template.slice(start, end), template.slice(end)];
  const fd = openSync(path, 'w');
  writeSync(fd, head);
  let n = 0;
  let batch: string[] = [];
  for (let written = head.length; written < bytes; written += meter.length + 1) {
    batch.push(meter.replaceAll(SERIAL, `S${String(++n).padStart(7, '0')}`));
    if (batch.length === 10_000) {
      writeSync(fd, batch.join('\n'));
      batch = [];
    }
  }
  writeSync(fd, batch.join('\n') + tail);
  closeSync(fd);
  return n;
}

function importFile(file: string, db: string) {
  const run = spawnSync(
    '/usr/bin/time',
    ['-f', 'maxrss-kb %M elapsed-s %e', process.execPath, bin, 'import', 'message', file, '--db', db, '--json'],
    { encoding: 'utf8', maxBuffer: 16 * MB },
  );
  const usage = /maxrss-kb (\d+) elapsed-s ([\d.]+)/.exec(run.stderr);
  if (run.status !== 0 || !usage) throw new Error(`import failed (${run.status}): ${run.stderr.slice(0, 500)}`);
  const result = JSON.parse(run.stdout) as { applied: Record<string, number> };
  return { peakRssMB: Math.round(Number(usage[1]) / 1024), seconds: Number(usage[2]), applied: result.applied };
}

const dir = mkdtempSync(join(tmpdir(), 'fieldmeter-bench-inbound-'));
try {
  const plainFile = join(dir, 'meter-config.xml');
  const meters = writeRepeated(plainFile, buildMessage(message({ kind: 'xml', body: body('S0000000') }), { form: 'typed' }), TARGET_BYTES);
  const plain = { fileMB: +(statSync(plainFile).size / MB).toFixed(1), meters, ...importFile(plainFile, join(dir, 'plain.db')) };

  // The same Meters as Payload/Compressed: the payload document gzipped, base64 in a generic envelope.
  const payloadFile = join(dir, 'payload.xml');
  const compressedMeters = writeRepeated(payloadFile, buildPayloadDocument({ kind: 'xml', body: body('S0000000') }), TARGET_BYTES);
  const gz = gzipSync(readFileSync(payloadFile)).toString('base64');
  const compressedFile = join(dir, 'meter-config-compressed.xml');
  writeFileSync(compressedFile, buildMessage(message({ kind: 'compressed', data: gz }), { form: 'generic' }));
  const compressed = {
    meters: compressedMeters,
    fileMB: +(statSync(compressedFile).size / MB).toFixed(1),
    inflatedMB: +(statSync(payloadFile).size / MB).toFixed(1),
    ...importFile(compressedFile, join(dir, 'compressed.db')),
  };

  const result = {
    benchmark: 'inbound-messages',
    date: new Date().toISOString(),
    machine: {
      node: process.version,
      platform: `${process.platform}-${process.arch}`,
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? '',
      totalMemMB: Math.round(totalmem() / MB),
    },
    limitMB: LIMIT_MB,
    plain,
    compressed,
    pass:
      plain.peakRssMB < LIMIT_MB &&
      compressed.peakRssMB < LIMIT_MB &&
      plain.applied.metersAdded === meters &&
      compressed.applied.metersAdded === compressedMeters,
  };
  const out = join(import.meta.dirname, 'results', 'inbound.json');
  writeFileSync(out, JSON.stringify(result, null, 2) + '\n');
  process.stdout.write(`${JSON.stringify(result, null, 2)}\nwritten to ${out}\n`);
  if (!result.pass) process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
