/** IEC 61968-9 MeterReadings export (issue 10) through the shared/cim builders. */
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { buildMessage } from '../../../shared/cim';
import type { MeterReading } from '../../../shared/cim/payloads/meterReadings';
import type { ExportRow } from '../store/repositories/exportRows';
import { checkpoint, finish, write, type WriteOptions } from './writeStream';

/** One MeterReadings document (61968-9, typed CreatedMeterReadings): a MeterReading per visit. */
export async function writeXml(rows: Iterable<ExportRow>, path: string, options: WriteOptions & { source?: string }): Promise<number> {
  const byVisit = new Map<string, MeterReading>();
  let n = 0;
  for (const r of rows) {
    const key = `${r.meterSerial}\u0000${r.readAt}`;
    let visit = byVisit.get(key);
    if (!visit) {
      visit = { meter: { names: [{ name: r.meterSerial }] }, readings: [], usagePoint: { mRID: r.usagePoint } };
      byVisit.set(key, visit);
    }
    const qualities = JSON.parse(r.qualities) as string[];
    visit.readings!.push({
      timeStamp: r.readAt,
      value: r.value,
      readingType: r.readingType,
      ...(qualities.length ? { readingQualities: qualities.map((q) => ({ readingQualityType: q })) } : {}),
    });
    checkpoint(++n, options);
  }
  const xml = buildMessage({
    kind: 'event',
    header: {
      verb: 'created',
      noun: 'MeterReadings',
      timestamp: new Date().toISOString(),
      source: options.source ?? 'FIELDMETER',
      messageID: randomUUID(),
    },
    payload: { kind: 'xml', body: { noun: 'MeterReadings', value: { meterReadings: [...byVisit.values()] } } },
  });
  const out = createWriteStream(path);
  await write(out, xml);
  await finish(out);
  return n;
}
