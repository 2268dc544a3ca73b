/**
 * MeterReadings payload (IEC 61968-9 ed.2, CX MeterReadings.xsd; NOTES.md §5). Coincident
 * readings of one visit are Readings of one MeterReading sharing one timeStamp; interval data
 * goes in IntervalBlocks, one per ReadingType.
 */
import { many, reqRef, child, oneOf, str, bool, type XmlValue } from '../xml/read';
import type { XElement } from '../xml/xmlWriter';
import {
  m,
  mo,
  mref,
  optRef,
  readRef,
  readInterval,
  readNames,
  writeInterval,
  writeNames,
  writeRef,
  type DateTimeInterval,
  type Name,
  type ObjectRef,
} from './common';

export const READING_REASON_KINDS = [
  'billing',
  'demandReset',
  'inquiry',
  'installation',
  'loadManagement',
  'loadResearch',
  'moveIn',
  'moveOut',
  'other',
  'removal',
  'serviceConnect',
  'serviceDisconnect',
] as const;
export type ReadingReasonKind = (typeof READING_REASON_KINDS)[number];

export interface ReadingQuality {
  comment?: string;
  source?: string;
  timeStamp?: string;
  /** `system.category.index`, see ../readingQuality.ts */
  readingQualityType: string;
}

export interface Reading {
  reason?: ReadingReasonKind;
  reportedDateTime?: string;
  source?: string;
  timeStamp?: string;
  /** Exact decimal text, never a float. */
  value?: string;
  readingQualities?: ReadingQuality[];
  /** 18-part ReadingType code. */
  readingType: string;
  timePeriod?: DateTimeInterval;
}

export interface IntervalReading {
  reportedDateTime?: string;
  source?: string;
  timeStamp?: string;
  value?: string;
  readingQualities?: ReadingQuality[];
  timePeriod?: DateTimeInterval;
}

export interface IntervalBlock {
  intervalReadings?: IntervalReading[];
  readingType: string;
}

export interface MeterRef extends ObjectRef {
  serialNumber?: string;
}

export interface MeterReading {
  isCoincidentTrigger?: boolean;
  intervalBlocks?: IntervalBlock[];
  meter?: MeterRef;
  readings?: Reading[];
  usagePoint?: ObjectRef;
  valuesInterval?: DateTimeInterval;
}

export interface MeterReadings {
  meterReadings: MeterReading[];
  /**
   * The ReadingTypes the Readings' `ReadingType@ref` point at, each with its mRID and Names
   * (MeterReadings.xsd: `MeterReadings/ReadingType`, after the MeterReading list). An MDM whose
   * ReadingType mRIDs are its own keys (not the 18-part code) names the type here.
   */
  readingTypes?: ObjectRef[];
}

const writeQualities = (qs: readonly ReadingQuality[] | undefined): XElement[] =>
  (qs ?? []).map((q) =>
    m('ReadingQualities', [
      mo('comment', q.comment),
      mo('source', q.source),
      mo('timeStamp', q.timeStamp),
      mref('ReadingQualityType', q.readingQualityType),
    ]),
  );

const readQualities = (node: XmlValue): ReadingQuality[] | undefined =>
  many(node, 'ReadingQualities', (q) => ({
    comment: str(q, 'comment'),
    source: str(q, 'source'),
    timeStamp: str(q, 'timeStamp'),
    readingQualityType: reqRef(q, 'ReadingQualityType', 'ReadingQualities'),
  }));

function writeReading(r: Reading): XElement {
  return m('Readings', [
    mo('reason', r.reason),
    mo('reportedDateTime', r.reportedDateTime),
    mo('source', r.source),
    mo('timeStamp', r.timeStamp),
    mo('value', r.value),
    ...writeQualities(r.readingQualities),
    mref('ReadingType', r.readingType),
    writeInterval('timePeriod', r.timePeriod),
  ]);
}

function writeIntervalBlock(b: IntervalBlock): XElement {
  return m('IntervalBlocks', [
    ...(b.intervalReadings ?? []).map((r) =>
      m('IntervalReadings', [
        mo('reportedDateTime', r.reportedDateTime),
        mo('source', r.source),
        mo('timeStamp', r.timeStamp),
        mo('value', r.value),
        ...writeQualities(r.readingQualities),
        writeInterval('timePeriod', r.timePeriod),
      ]),
    ),
    mref('ReadingType', b.readingType),
  ]);
}

export function writeMeterReadings(p: MeterReadings): XElement {
  return m('MeterReadings', [
    ...p.meterReadings.map((mr) =>
      m('MeterReading', [
        mo('isCoincidentTrigger', mr.isCoincidentTrigger),
        ...(mr.intervalBlocks ?? []).map(writeIntervalBlock),
        mr.meter && m('Meter', [mo('mRID', mr.meter.mRID), mo('serialNumber', mr.meter.serialNumber), ...writeNames(mr.meter.names)]),
        ...(mr.readings ?? []).map(writeReading),
        mr.usagePoint && writeRef('UsagePoint', mr.usagePoint),
        writeInterval('valuesInterval', mr.valuesInterval),
      ]),
    ),
    ...(p.readingTypes ?? []).map((t) => writeRef('ReadingType', t)),
  ]);
}

function readMeter(node: XmlValue | undefined): MeterRef | undefined {
  const meter = child(node, 'Meter');
  return meter === undefined ? undefined : { mRID: str(meter, 'mRID'), serialNumber: str(meter, 'serialNumber'), names: readNames(meter) };
}

export function readMeterReadings(node: XmlValue): MeterReadings {
  return {
    meterReadings:
      many(node, 'MeterReading', (mr) => ({
        isCoincidentTrigger: bool(mr, 'isCoincidentTrigger'),
        intervalBlocks: many(mr, 'IntervalBlocks', (b) => ({
          intervalReadings: many(b, 'IntervalReadings', (r) => ({
            reportedDateTime: str(r, 'reportedDateTime'),
            source: str(r, 'source'),
            timeStamp: str(r, 'timeStamp'),
            value: str(r, 'value'),
            readingQualities: readQualities(r),
            timePeriod: readInterval(r, 'timePeriod'),
          })),
          readingType: reqRef(b, 'ReadingType', 'IntervalBlocks'),
        })),
        meter: readMeter(mr),
        readings: many(mr, 'Readings', (r) => ({
          reason: oneOf(str(r, 'reason'), READING_REASON_KINDS, 'Readings/reason'),
          reportedDateTime: str(r, 'reportedDateTime'),
          source: str(r, 'source'),
          timeStamp: str(r, 'timeStamp'),
          value: str(r, 'value'),
          readingQualities: readQualities(r),
          readingType: reqRef(r, 'ReadingType', 'Readings'),
          timePeriod: readInterval(r, 'timePeriod'),
        })),
        usagePoint: optRef(mr, 'UsagePoint'),
        valuesInterval: readInterval(mr, 'valuesInterval'),
      })) ?? [],
    readingTypes: many(node, 'ReadingType', readRef),
  };
}

export type { Name };
