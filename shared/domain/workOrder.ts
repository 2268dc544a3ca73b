/**
 * Installer work orders (issue 8): the kinds a crew is sent out for and their lifecycle as a
 * state machine. Pure: services ask `transition` before they write, so an illegal move is
 * refused with a reason a person can act on, never half-applied.
 *
 *   assigned ──start──▶ inProgress ──complete──▶ completed
 *       │                   └──────unable───────▶ unableToComplete (with a reason)
 *       └──────unable (e.g. no access on arrival)─┘
 *   assigned | inProgress ──cancel (by the enterprise, arrives by sync)──▶ cancelled
 */

export const workOrderKinds = ['install', 'remove', 'exchange', 'panCommission', 'panDecommission'] as const;
export type WorkOrderKind = (typeof workOrderKinds)[number];

export const workOrderStatuses = ['assigned', 'inProgress', 'completed', 'unableToComplete', 'cancelled'] as const;
export type WorkOrderStatus = (typeof workOrderStatuses)[number];

export type WorkOrderEvent = { type: 'start' } | { type: 'complete' } | { type: 'unable'; reason: string } | { type: 'cancel' };

export type TransitionResult =
  { ok: true; status: WorkOrderStatus; reason: string | null } | { ok: false; reason: string; refusal: WorkOrderRefusal };

/** Why the machine refused, as a code the screen and the CLI say in the user's words (errors.refusal.*). */
export type WorkOrderRefusal =
  | 'orderCompleted'
  | 'orderUnableToComplete'
  | 'orderCancelled'
  | 'orderFinal'
  | 'orderInProgress'
  | 'orderNotStarted'
  | 'unableNeedsReason'
  | 'unknownEvent';

const finalStatuses: ReadonlySet<WorkOrderStatus> = new Set(['completed', 'unableToComplete', 'cancelled']);

export function isFinal(status: WorkOrderStatus): boolean {
  return finalStatuses.has(status);
}

function finalRefusal(status: WorkOrderStatus): { ok: false; reason: string; refusal: WorkOrderRefusal } {
  switch (status) {
    case 'completed':
      return { ok: false, refusal: 'orderCompleted', reason: 'This work order is already completed; nothing more can be recorded on it.' };
    case 'unableToComplete':
      return {
        ok: false,
        refusal: 'orderUnableToComplete',
        reason: 'This work order was already reported as unable to complete; ask the office for a new one.',
      };
    case 'cancelled':
      return {
        ok: false,
        refusal: 'orderCancelled',
        reason:
          'The enterprise cancelled this work order. Do not carry it out; report back what was done on site so the office can follow up.',
      };
    default:
      return { ok: false, refusal: 'orderFinal', reason: `A work order in status ${status} cannot change.` };
  }
}

export function transition(status: WorkOrderStatus, event: WorkOrderEvent): TransitionResult {
  if (isFinal(status)) return finalRefusal(status);
  switch (event.type) {
    case 'start':
      return status === 'assigned'
        ? { ok: true, status: 'inProgress', reason: null }
        : { ok: false, refusal: 'orderInProgress', reason: 'This work order is already in progress.' };
    case 'complete':
      return status === 'inProgress'
        ? { ok: true, status: 'completed', reason: null }
        : { ok: false, refusal: 'orderNotStarted', reason: 'Start the work order before completing it.' };
    case 'unable': {
      const reason = event.reason.trim();
      if (reason === '')
        return {
          ok: false,
          refusal: 'unableNeedsReason',
          reason: 'Say why the work could not be completed, so the office can plan the next visit.',
        };
      return { ok: true, status: 'unableToComplete', reason };
    }
    case 'cancel':
      return { ok: true, status: 'cancelled', reason: null };
    default: {
      const unknown: never = event;
      return { ok: false, refusal: 'unknownEvent', reason: `Unknown event ${JSON.stringify(unknown)}` };
    }
  }
}

/** Meter asset status (issue 8 §3): in stock → installed → removed (returned or scrapped). */
export const assetStatuses = ['inStock', 'installed', 'removed'] as const;
export type AssetStatus = (typeof assetStatuses)[number];
export const removalDispositions = ['returned', 'scrapped'] as const;
export type RemovalDisposition = (typeof removalDispositions)[number];

/** PAN device types a crew commissions, with their 61968-9 EndDeviceType code (../shared/cim/NOTES.md §7). */
export const panDeviceTypes = {
  inHomeDisplay: 15,
  loadControlDevice: 16,
  thermostat: 19,
  panMeter: 17,
  other: 12,
} as const;
export type PanDeviceType = keyof typeof panDeviceTypes;
export const panDeviceTypeNames = [
  'inHomeDisplay',
  'loadControlDevice',
  'thermostat',
  'panMeter',
  'other',
] as const satisfies readonly PanDeviceType[];
