/** What every per-noun applier gets: the store, who acts, when, and how to refuse with a line number. */
import { AppError } from '../../../shared/contract/result';
import type { InboundRefusal, InboundRefusalCode, InboundRefusalDetailsOf } from '../../../shared/contract/inboundRefusal';
import { inboundRefusalSentence } from '../../../shared/i18n/inboundRefusalKey';
import type { IntegrationProfile } from '../../../shared/cim/integrationProfile';
import type { Name, ObjectRef } from '../../../shared/cim/payloads/common';
import { lineAt } from '../../../shared/cim/xml/safeXml';
import type { Store } from '../store';
import type { Actor } from '../store/repositories/journal';
import type { Change } from '../store/mutation';
import type { DeviceRow } from '../store/repositories/workOrders';
import type { InboundKeys } from './meterConfigKeys';

export interface InboundContext {
  readonly store: Store;
  readonly actor: Actor;
  /** The message's mutation: its audit rows are written through it, in its transaction. */
  readonly change: Change;
  readonly at: string;
  readonly messageId: string;
  /** Header.Timestamp: when the enterprise made the change (for the conflict rule with field visits). */
  readonly sentAt?: string;
  /** The text of the item being applied (or of the message), to point a refusal at the line that holds the offending value. */
  readonly xml: string;
  /** The line of the message where `xml` starts (1 when it is the whole message). */
  readonly firstLine?: number;
  /** The utility's integration profile: its status words and code tables (absent: the default profile). */
  readonly profile?: IntegrationProfile;
  /** Where meter keys a message carries go (meterConfigKeys.ts); absent: a message with keys is refused. */
  readonly meterKeys?: InboundKeys | undefined;
}

export type Counts = Record<string, number>;

/**
 * The refusal of a whole message: the transaction rolls back, nothing is applied. It carries why
 * as a code with typed details (shared/contract/inboundRefusal.ts), which the inbox keeps and the
 * user reads in their language; the English sentence is the log's.
 */
export class InboundRejection extends AppError<'IMPORT_REJECTED'> {
  constructor(readonly refusal: InboundRefusal) {
    super('IMPORT_REJECTED', inboundRefusalSentence(refusal), {
      reason: 'message',
      ...(refusal.line === undefined ? {} : { line: refusal.line }),
      refusal,
    });
  }

  get line(): number | undefined {
    return this.refusal.line;
  }
}

/** A refusal of this code and details, at a line of the message when one is known. */
export function refused<C extends InboundRefusalCode>(code: C, details: InboundRefusalDetailsOf<C>, line?: number): InboundRejection {
  return new InboundRejection({ code, details, ...(line === undefined ? {} : { line }) } as InboundRefusal);
}

/** The first line where this value appears as element text (or anywhere), if it does. */
export function lineOf(xml: string, value: string | undefined): number | undefined {
  if (!value) return undefined;
  const escaped = value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  let at = xml.indexOf(`>${escaped}<`);
  if (at === -1) at = xml.indexOf(escaped);
  return at === -1 ? undefined : lineAt(xml, at + 1);
}

/** Refuses the message with this code and details, pointing at the line that holds `near` (the offending value). */
export function reject<C extends InboundRefusalCode>(
  ctx: InboundContext,
  code: C,
  details: InboundRefusalDetailsOf<C>,
  near?: string,
): never {
  const line = lineOf(ctx.xml, near);
  throw refused(code, details, line === undefined ? undefined : line + (ctx.firstLine ?? 1) - 1);
}

const names = (list: readonly Name[] | undefined) => (list ?? []).map((n) => n.name.trim()).filter((n) => n !== '');

/** Identifiers a reference may use for a meter here: serial number, mRID, then its Names. */
export function meterKeys(ref: ObjectRef & { serialNumber?: string }): string[] {
  return [...new Set([ref.serialNumber?.trim(), ref.mRID?.trim(), ...names(ref.names)].filter((k): k is string => !!k))];
}

/** Usage points are keyed by their id: the mRID, else the first Name. */
export function usagePointKey(ref: ObjectRef): string | undefined {
  return ref.mRID?.trim() || names(ref.names)[0];
}

export function findMeter(ctx: InboundContext, ref: ObjectRef & { serialNumber?: string }): DeviceRow | null {
  for (const key of meterKeys(ref)) {
    const device = ctx.store.workOrders.deviceBySerial(key);
    if (device) return device;
  }
  return null;
}

export function requireMeter(ctx: InboundContext, ref: ObjectRef & { serialNumber?: string }, what = 'Meter'): DeviceRow {
  const keys = meterKeys(ref);
  if (keys.length === 0) reject(ctx, 'noIdentifier', { element: what });
  const device = findMeter(ctx, ref);
  if (!device) reject(ctx, 'unknownMeter', { element: what, keys }, keys[0]);
  if (device.kind !== 'meter') reject(ctx, 'notAMeter', { serial: device.serialNumber }, keys[0]);
  return device;
}

/** A meter known here and installed at a usage point (work at it, or a request for it, needs one). */
export function requireInstalledMeter(
  ctx: InboundContext,
  ref: ObjectRef & { serialNumber?: string },
  what = 'Meter',
): DeviceRow & { usagePointId: string } {
  const device = requireMeter(ctx, ref, what);
  if (!device.usagePointId || device.status !== 'installed')
    reject(ctx, 'meterNotInstalled', { serial: device.serialNumber }, device.serialNumber);
  return { ...device, usagePointId: device.usagePointId };
}

export function requireUsagePoint(ctx: InboundContext, ref: ObjectRef): string {
  const id = usagePointKey(ref);
  if (!id) reject(ctx, 'noIdentifier', { element: 'UsagePoint' });
  if (!ctx.store.meters.hasUsagePoint(id)) reject(ctx, 'unknownUsagePoint', { usagePointId: id }, id);
  return id;
}
