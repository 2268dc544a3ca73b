/**
 * Training mode's optical meter: an in-process simulator that answers like a mode-C meter with
 * this stop's registers (serial in C.1.0, each electricity register under its OBIS code), so a
 * new technician can practise the Read panel on the demo route without a probe.
 */
import { TRAINING_PASSWORD } from '../../../shared/contract/methods/optical';
import { parseReadingType } from '../../../shared/cim/readingType';
import { add, compare, decimalsOf, registerSpan, subtract } from '../../../shared/domain/decimal';
import { createMemoryLinkPair, MeterSimulator, type MeterProfile } from '../serial/simulator';
import type { SerialLink } from '../serial/link';

/** OBIS C.D.E of an electricity register, from its ReadingType (the inverse of shared/cim/codes/obis.ts). */
export function obisFor(readingType: string): { obis: string; unit: string } | null {
  const rt = parseReadingType(readingType);
  if (!rt || (rt.commodity !== 1 && rt.commodity !== 2) || rt.multiplier !== 3) return null;
  const channel = rt.flowDirection === 1 ? 1 : rt.flowDirection === 19 ? 2 : null;
  if (channel === null) return null;
  if (rt.measurementKind === 12 && rt.unit === 72) return { obis: `${channel}.8.${rt.tou}`, unit: 'kWh' };
  if (rt.measurementKind === 8 && rt.unit === 38) return { obis: `${channel}.6.${rt.tou}`, unit: 'kW' };
  return null;
}

/** A training register: with the average daily use and the dials the demo route gives it. */
export interface TrainingRegister {
  readonly readingType: string;
  readonly decimals: number;
  readonly lastValue: string | null;
  readonly lastReadAt?: string | null;
  readonly averageDailyUse?: number | null;
  readonly dials?: number;
}

const DAY_MS = 86_400_000;

/**
 * The register's value now: the last reading plus its average daily use for the days since (so
 * the read passes the range check, as a real meter's would), or a little use where the route
 * gives no average. Past all nines it wraps round, as the dials do (the rollover practice meter).
 */
export function advanced(register: TrainingRegister, atMs: number): string {
  const { decimals } = register;
  const base = register.lastValue ?? '0';
  const days = register.lastReadAt ? (atMs - Date.parse(register.lastReadAt)) / DAY_MS : 0;
  const average = register.averageDailyUse ?? null;
  const step =
    average !== null && average > 0 && days >= 1
      ? (average * days).toFixed(decimals)
      : decimals > 0
        ? `12.${'5'.padEnd(decimals, '0')}`
        : '12';
  let value = add(base, step);
  if (register.dials && compare(value, registerSpan(register.dials)) >= 0) value = subtract(value, registerSpan(register.dials));
  const places = Math.max(decimals, decimalsOf(value));
  const [whole = '0', fraction = ''] = value.split('.');
  return places ? `${whole.padStart(7, '0')}.${fraction.padEnd(places, '0')}` : whole.padStart(7, '0');
}

/** What the training meter answers with: the serial and the registers of the meter it stands for. */
export interface TrainingMeter {
  readonly meterSerial: string;
  readonly registers: readonly TrainingRegister[];
}

/** The model the training meter answers programming mode as (E2 demand reset, P1 password). */
export const TRAINING_METER_MODEL = 'isk-mt';

export function trainingProfile(meter: TrainingMeter, atMs = Date.now()): MeterProfile {
  const lines = [`C.1.0(${meter.meterSerial})`];
  for (const register of meter.registers) {
    const code = obisFor(register.readingType);
    if (code) lines.push(`${code.obis}(${advanced(register, atMs)}*${code.unit})`);
  }
  // Programming practice: a maximum demand to reset (when the stop has no demand register) and the reset counter.
  if (!lines.some((l) => l.startsWith('1.6.0('))) lines.push('1.6.0(0004.512*kW)(2401151230)');
  // Health registers; every meter whose serial ends in 2 has its cover opened and a fault in F.F, to practise the warning.
  const faulty = meter.meterSerial.endsWith('2');
  lines.push('0.1.0(07)', `C.5.0(${faulty ? '0001' : '0000'})`, 'C.7.0(0002)', `F.F(${faulty ? '00000010' : '00000000'})`);
  return {
    name: 'training',
    description: 'the demo meter of this stop',
    identification: 'FMT5TRAINING-01',
    kind: 'readout',
    lines,
    programming: {
      model: TRAINING_METER_MODEL,
      password: TRAINING_PASSWORD,
      operand: '12345678',
      wrongPassword: 'error',
      clockOffsetS: -97,
      driftPpm: 40,
    },
  };
}

/** Opens the app side of an in-memory link with the training meter on the other end. */
export function openTrainingLink(meter: TrainingMeter): SerialLink {
  const pair = createMemoryLinkPair();
  const simulator = new MeterSimulator(trainingProfile(meter), pair.meter, { reactionScale: 0.2 });
  const close = pair.app.close;
  return { ...pair.app, close: async () => (simulator.stop(), close()) };
}
