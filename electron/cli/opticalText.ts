/**
 * What the optical-port commands say in words (issue 16 §3), from the CLI catalogs in the user's
 * language: a parsed capture, a read, a saved reading set, a programming outcome, the ports.
 * OBIS codes, values, units, modes and ids stay as the meter or the store gave them.
 */
import type { DataValue, MappedDataSet, ReadoutReport } from '../../shared/iec62056';
import type { OpticalProgramResult } from '../../shared/contract/methods/optical';
import type { DemandResetReport, TimeSyncReport } from '../services/serial/programOperations';
import type { PortList } from '../services/serial/ports';
import type { MeterReadout } from '../services/serial/reader';
import { cliWords, fill } from './language';
import type { readAndSave } from './opticalSave';

const said = () => cliWords().optical;
const drift = (s: number) => `${s > 0 ? '+' : ''}${s.toFixed(1)} s`;
/** A demand register: the value and, when sent, the time it was reached (`0004.512 kW at 2401151230`). */
const valueText = (values: readonly DataValue[]) =>
  values.map((v) => (v.unit ? `${v.value} ${v.unit}` : v.value)).join(said().demandAt) || said().noValue;

function describeSets(sets: readonly MappedDataSet[]): string[] {
  return sets.map(
    (s) =>
      `  ${s.obis.padEnd(14)} ${s.values
        .map((v) => (v.unit ? `${v.value} ${v.unit}` : v.value))
        .join('  ')
        .padEnd(32)} ${s.readingType ?? ''}${s.event ? `  [${said().event}: ${s.event.kind}]` : ''}`,
  );
}

export function parsedText({ identification: id, checksum, shortCrc, dataSets }: ReadoutReport): string {
  return [
    id ? fill(said().identified, { ...id, modeE: id.modeE ? said().offersModeE : '' }) : said().noIdentification,
    fill(said().checksum, { checksum, shortCrc: shortCrc ? said().shortCrc : '', count: dataSets.length }),
    ...describeSets(dataSets),
  ].join('\n');
}

export function readText(r: MeterReadout): string {
  const { manufacturer, ident } = r.identification;
  return [
    fill(said().read, { manufacturer, ident, mode: r.mode, baud: r.baud, bytes: r.bytes, ms: r.durationMs, attempts: r.attempts }),
    ...describeSets(r.dataSets),
  ].join('\n');
}

export function savedText({ read, saved }: Awaited<ReturnType<typeof readAndSave>>): string {
  return [
    fill(said().savedMeter, {
      manufacturer: read.manufacturer,
      ident: read.ident,
      serial: read.meterSerial ? fill(said().serial, { serial: read.meterSerial }) : '',
      mode: read.mode,
      baud: read.baud,
    }),
    ...(read.status?.errorRegisterSet ? [fill(said().fault, { register: read.status.errorRegister ?? '?' })] : []),
    fill(said().savedSet, { id: saved.readingSetId, readAt: saved.readAt }),
    ...saved.readings.map(
      (r) => `  ${r.readingType}  ${r.value}${r.warnings.length ? `  (${r.warnings.map((w) => w.kind).join(', ')})` : ''}`,
    ),
  ].join('\n');
}

export function portsText(list: PortList): string {
  if (list.ports.length === 0) return `${said().noPorts}${list.reason ? ` ${list.reason}` : ''}`;
  return list.ports
    .map((p) => `${p.path}  ${p.vendorId ?? '----'}:${p.productId ?? '----'}  ${p.probe ?? p.manufacturer ?? ''}`)
    .join('\n');
}

const resetCounter = (before: string | number | null, after: string | number | null) =>
  before === null ? said().noResetCounter : fill(said().resetCounter, { before, after: after ?? '?' });

/** A programming operation done at a stop: the meter, what changed, and the message queued for the office. */
export function atStopText(usagePoint: string | undefined, r: OpticalProgramResult): string {
  return [
    fill(said().atStop, {
      manufacturer: r.manufacturer,
      ident: r.ident,
      model: r.model,
      usagePoint: usagePoint ?? '',
      serial: r.meterSerialRead ?? said().serialNotGiven,
      confirmed: r.serialMismatchConfirmed ? said().confirmedSerial : '',
    }),
    ...(r.timeSync
      ? [
          fill(said().before, { time: r.timeSync.before.meterTime, drift: drift(r.timeSync.before.driftS) }),
          fill(said().after, { time: r.timeSync.after.meterTime, drift: drift(r.timeSync.after.driftS) }),
        ]
      : []),
    ...(r.demandReset
      ? [
          fill(said().demand, { before: valueText(r.demandReset.demandBefore), after: valueText(r.demandReset.demandAfter) }),
          ...(r.demandReset.resetCounterBefore === null
            ? []
            : [resetCounter(r.demandReset.resetCounterBefore, r.demandReset.resetCounterAfter)]),
        ]
      : []),
    fill(said().queued, { messageId: r.messageId }),
  ].join('\n');
}

export function timeSyncText(r: TimeSyncReport): string {
  const { manufacturer, ident } = r.identification;
  return [
    fill(said().programmed, { manufacturer, ident, model: r.model, baud: r.baud }),
    fill(said().before, { time: r.before.meterTime, drift: drift(r.before.driftS) }),
    fill(said().wroteTime, { date: r.written.date, time: r.written.time }),
    fill(said().afterWholeSeconds, { time: r.after.meterTime, drift: drift(r.after.driftS) }),
  ].join('\n');
}

export function demandResetText(r: DemandResetReport): string {
  const { manufacturer, ident } = r.identification;
  return [
    fill(said().demandResetDone, { manufacturer, ident, model: r.model }),
    fill(said().demand, { before: valueText(r.demandBefore), after: valueText(r.demandAfter) }),
    resetCounter(r.resetCounterBefore, r.resetCounterAfter),
  ].join('\n');
}
