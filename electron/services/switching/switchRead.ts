/**
 * The switch reading (issue 9), one transaction each: the reading is saved as any visit's is
 * (reading set, registers, route stop, audit, MeterReadings in the outbox — so a switch cancelled
 * later still leaves an ordinary reading, delivered), tagged with the ReadingReasonKind of the
 * switch and the agreement it closes; the order is finished and audited. Out of the window needs
 * a reason, which goes with the reading as its comment; the reading stays a valid actual one (a
 * read taken on another day is still what the register showed — ReadingQuality 2.10.0
 * "questionable" would tell the enterprise not to trust the value); a meter that could not be read queues
 * readings without value, 2.5.259 (known missing read) and the reason, for the enterprise to estimate.
 */
import { AppError } from '../../../shared/contract/result';
import { readingQuality } from '../../../shared/cim/readingQuality';
import { checkWindow, readingReasonOf, switchTransition, type SwitchEvent, type WindowPosition } from '../../../shared/domain/switching';
import { enqueueMeterReadings } from '../readings/outbound';
import { saveManualReadings, type SaveContext, type SaveReadingsRequest, type SwitchReadTag } from '../readings/saveReadings';
import { skipCodes } from '../readings/skipVisit';
import type { Store } from '../store';
import type { Actor } from '../store/repositories/journal';
import type { SwitchOrderRow } from '../store/repositories/switching';
import { requireExpectedSerial } from '../workOrders/meterSteps';
import { requireSwitchOrder, summaryOf } from './orders';

export interface SwitchReadRequest {
  switchOrderId: string;
  values: SaveReadingsRequest['values'];
  source?: 'manual' | 'optical';
  observedSerial?: string | undefined;
  /** The serial on the meter's plate, scanned or typed: refused when it is not the meter expected (as at an exchange). */
  meterSerial?: string | undefined;
  outOfWindowReason?: string | undefined;
  note?: string;
  /** Photos taken at the usage point (the register photo first): kept with the reading and drawn on the receipt. */
  photoIds?: readonly string[] | undefined;
}

/**
 * A switch visit settles who used what, so it must be at the right meter: the serial the technician
 * scanned or typed is checked against the meter installed at the usage point (the order's serial when
 * this device knows no installed meter), with the exchange's check and words (issue 24 §1).
 */
export function requireSwitchMeter(store: Store, order: SwitchOrderRow, meterSerial: string | undefined): void {
  if (meterSerial === undefined) return;
  const expected = store.workOrders.meterAt(order.usagePointId)?.serialNumber ?? order.meterSerial;
  requireExpectedSerial(order.usagePointId, expected, meterSerial);
}

/** Asks the machine first; an out-of-window move without a reason is a confirmation to give, not a failure. */
export function requireTransition(order: SwitchOrderRow, event: SwitchEvent, position: WindowPosition) {
  const result = switchTransition(order, event);
  if (!result.ok) {
    if (result.outOfWindow)
      throw new AppError('NEEDS_CONFIRMATION', result.reason, {
        reason: 'outOfWindow',
        outOfWindow: true,
        position,
        window: { start: order.windowStart, end: order.windowEnd },
      });
    throw new AppError('VALIDATION', result.reason, {
      reason: 'statusRefuses',
      order: 'switchOrder',
      status: order.status,
      action: event.type,
      refusal: result.refusal,
    });
  }
  return result;
}

/** How a switch reading is tagged; outside the window it says when and why in its comment, and keeps its quality. */
export function switchTag(order: SwitchOrderRow, position: WindowPosition, outOfWindowReason: string | undefined): SwitchReadTag {
  const outside = position !== 'inWindow';
  return {
    reason: readingReasonOf[order.kind],
    switchOrder: order.id,
    agreement: order.agreementId ?? undefined,
    qualities: [],
    comment: outside
      ? `read ${position === 'early' ? 'before' : 'after'} the switch window ${order.windowStart} – ${order.windowEnd}: ${outOfWindowReason ?? ''}`
      : undefined,
  };
}

export function saveSwitchReading(
  store: Store,
  actor: Actor,
  order: SwitchOrderRow,
  request: Omit<SwitchReadRequest, 'switchOrderId'>,
  tag: SwitchReadTag,
  context: SaveContext,
) {
  const saved = saveManualReadings(
    store,
    actor,
    {
      usagePointId: order.usagePointId,
      values: request.values,
      source: request.source ?? 'manual',
      observedSerial: request.observedSerial,
      note: request.note ?? '',
      photoIds: request.photoIds ?? [],
      switchRead: tag,
    },
    context,
  );
  return { readingSetId: saved.readingSetId, messageId: saved.messageId };
}

export function takeSwitchReading(store: Store, actor: Actor, request: SwitchReadRequest, context: SaveContext) {
  const at = (context.now ?? new Date()).toISOString();
  return store.mutate(actor, (change) => {
    const order = requireSwitchOrder(store, request.switchOrderId);
    const position = checkWindow(at, { start: order.windowStart, end: order.windowEnd });
    const result = requireTransition(order, { type: 'read', position, outOfWindowReason: request.outOfWindowReason }, position);
    requireSwitchMeter(store, order, request.meterSerial);
    const saved = saveSwitchReading(store, actor, order, request, switchTag(order, position, request.outOfWindowReason), {
      ...context,
      now: new Date(at),
    });
    const note = (request.note ?? '').trim();
    store.switching.finish({
      id: order.id,
      status: result.status,
      readingSetId: saved.readingSetId,
      readInWindow: position === 'inWindow',
      notReadReason: null,
      outcome: null,
      action: null,
      controlResult: null,
      sealNumber: null,
      note,
      at,
    });
    change.audit({
      action: 'switching.read',
      entity: 'switch_order',
      entityId: order.id,
      details: { kind: order.kind, readingSetId: saved.readingSetId, position, agreementId: order.agreementId },
    });
    const finished = requireSwitchOrder(store, order.id);
    return { order: summaryOf(store, finished), readingSetId: saved.readingSetId, messageIds: [saved.messageId] };
  });
}

export function reportNotRead(
  store: Store,
  actor: Actor,
  request: { switchOrderId: string; reasonCode: string; note?: string },
  now = new Date(),
) {
  const at = now.toISOString();
  return store.mutate(actor, (change) => {
    const order = requireSwitchOrder(store, request.switchOrderId);
    const code = skipCodes(store).find((c) => c.code === request.reasonCode);
    if (!code)
      throw new AppError('VALIDATION', `"${request.reasonCode}" is not a reason this device knows. Choose one from the list.`, {
        reason: 'reasonCodeUnknown',
      });
    const result = requireTransition(order, { type: 'notRead', reason: code.code }, 'inWindow');
    const meter = store.meters.get(order.usagePointId);
    if (!meter)
      throw new AppError('NOT_FOUND', `Usage point ${order.usagePointId} has no meter on this device.`, { reason: 'meterUnknown' });
    const note = (request.note ?? '').trim();
    const comment = `${code.label}${note ? `: ${note}` : ''} — not read; please estimate the switch reading`;
    const reason = readingReasonOf[order.kind];
    const messageId = enqueueMeterReadings(store, {
      meter: meter.meterSerial,
      usagePoint: order.usagePointId,
      readings: meter.registers.map((r) => ({
        readingType: r.readingType,
        value: null,
        timeStamp: at,
        qualities: [readingQuality.knownMissingRead],
        comment,
        reason,
      })),
      switchOrder: order.id,
      ...(order.agreementId ? { agreement: order.agreementId } : {}),
    });
    store.switching.finish({
      id: order.id,
      status: result.status,
      readingSetId: null,
      readInWindow: null,
      notReadReason: code.code,
      outcome: null,
      action: null,
      controlResult: null,
      sealNumber: null,
      note,
      at,
    });
    change.audit({
      action: 'switching.notRead',
      entity: 'switch_order',
      entityId: order.id,
      details: { kind: order.kind, reasonCode: code.code, agreementId: order.agreementId },
    });
    return { order: summaryOf(store, requireSwitchOrder(store, order.id)), readingSetId: null, messageIds: [messageId] };
  });
}
