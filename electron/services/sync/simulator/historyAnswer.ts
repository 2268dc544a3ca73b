/**
 * A peer that answers a Get in the HTTP response itself (issue 19 §3): many Java SOAP stacks
 * implement the published GetMeterReadings operation request–response, so the MeterReadings come
 * back as the Payload of a ResponseMessage (verb reply, Reply OK) instead of as a separate message.
 * The simulated MDM answers with the MeterReadings it holds for the usage points asked: the
 * MeterReading items of every MeterReadings message it accepted (its validated history).
 */
import { randomUUID } from 'node:crypto';
import { buildMessage, parseMessage, type Header } from '../../../../shared/cim';
import type { MeterReading } from '../../../../shared/cim/payloads/meterReadings';
import { defaultXmlLimits } from '../../../../shared/cim/xml/safeXml';
import { wrapSoap, type SoapVersion } from '../soap';
import { answerForm, replyCorrelation, type PeerBehaviour } from './peer';
import type { MessageStorage } from './storage';

const limits = { ...defaultXmlLimits, maxChars: 8 * 1024 * 1024 };

/** The UsagePoint mRIDs a GetMeterReadings names (the simulator reads its own test requests, so a pattern will do). */
const askedUsagePoints = (xml: string) =>
  new Set([...xml.matchAll(/<(?:[\w.-]+:)?UsagePoint>\s*<(?:[\w.-]+:)?mRID>([^<]+)</g)].map((m) => m[1]!.trim()));

function heldFor(storage: MessageStorage, usagePoints: ReadonlySet<string>): MeterReading[] {
  const held: MeterReading[] = [];
  for (const stored of storage.messages()) {
    if (!/<(?:[\w.-]+:)?Noun>MeterReadings</.test(stored.xml)) continue;
    const message = parseMessage(stored.xml, limits, { allowDraftEnvelope: true });
    if (message.kind === 'fault' || message.payload?.kind !== 'xml' || message.payload.body.noun !== 'MeterReadings') continue;
    for (const mr of message.payload.body.value.meterReadings) {
      if (mr.usagePoint?.mRID && usagePoints.has(mr.usagePoint.mRID)) held.push(mr);
    }
  }
  return held;
}

/** The synchronous answer to a GetMeterReadings: Reply OK with the MeterReadings payload, or without one when nothing is held. */
export function historyAnswer(
  storage: MessageStorage,
  request: { header: Header },
  requestXml: string,
  version: SoapVersion | null,
  peer: PeerBehaviour | undefined,
): { status: number; contentType: string; body: string } {
  const meterReadings = heldFor(storage, askedUsagePoints(requestXml));
  const xml = buildMessage(
    {
      kind: 'response',
      header: {
        verb: 'reply',
        noun: 'MeterReadings',
        timestamp: new Date().toISOString(),
        source: 'ENTERPRISE-SIMULATOR',
        messageID: randomUUID(),
        correlationID: replyCorrelation(request.header, peer),
      },
      reply: { result: 'OK' },
      ...(meterReadings.length
        ? { payload: { kind: 'xml' as const, body: { noun: 'MeterReadings' as const, value: { meterReadings } } } }
        : {}),
    },
    answerForm('MeterReadings', peer),
  );
  const contentType = version === '1.2' ? 'application/soap+xml; charset=utf-8' : 'text/xml; charset=utf-8';
  return { status: 200, contentType, body: version === null ? xml : wrapSoap(xml, version) };
}
