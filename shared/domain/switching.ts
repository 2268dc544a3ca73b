/**
 * Customer switching (issue 9): move-in, move-out, change of supplier, disconnect and reconnect.
 * Pure: the service asks `switchTransition` before it writes, so an illegal move is refused with a
 * reason a person can act on. One machine for all kinds, with the events each kind accepts:
 *
 *   reading kinds (moveIn, moveOut, supplierChange)
 *     assigned ──read (inside the window, or outside with a reason)──▶ completed
 *     assigned ──notRead (reason; the enterprise estimates)──────────▶ estimateRequested
 *   control kinds (disconnect, reconnect)
 *     assigned ──control done───────────────────────────────────────▶ completed
 *     assigned ──control refused by customer / unsafe / meter not found▶ unableToComplete
 *   any kind, from the enterprise (arrives by sync)
 *     assigned ──cancel──▶ cancelled;  assigned ──reschedule──▶ assigned (new date and window)
 *     a finished order keeps its result: the cancel or reschedule is only flagged for the user.
 */
import type { ReadingReasonKind } from '../cim/payloads/meterReadings';

export const switchKinds = ['moveIn', 'moveOut', 'supplierChange', 'disconnect', 'reconnect'] as const;
export type SwitchKind = (typeof switchKinds)[number];
export const switchStatuses = ['assigned', 'completed', 'estimateRequested', 'unableToComplete', 'cancelled'] as const;
export type SwitchStatus = (typeof switchStatuses)[number];
export const switchOutcomes = ['done', 'refusedByCustomer', 'unsafe', 'meterNotFound'] as const;
export type SwitchOutcome = (typeof switchOutcomes)[number];
/** How the supply was switched: the crew at the meter's own breaker or fuse, the meter's built-in switch (an EndDeviceControl), or not at all. */
export const switchActions = ['localSwitch', 'meterSwitch', 'none'] as const;
export type SwitchAction = (typeof switchActions)[number];
export const controlResults = ['succeeded', 'failed'] as const;
export type ControlResult = (typeof controlResults)[number];
export const enterpriseChanges = ['cancelled', 'rescheduled'] as const;
export type EnterpriseChange = (typeof enterpriseChanges)[number];

const readingKinds: ReadonlySet<SwitchKind> = new Set(['moveIn', 'moveOut', 'supplierChange']);
export const isReadingKind = (kind: SwitchKind): boolean => readingKinds.has(kind);
export const isControlKind = (kind: SwitchKind): boolean => !readingKinds.has(kind);

/**
 * The 61968-9 ReadingReasonKind a switch reading carries. The enumeration has no "change of
 * supplier": that reading closes the old supplier's billing period, hence `billing`.
 */
export const readingReasonOf: Readonly<Record<SwitchKind, ReadingReasonKind>> = {
  moveIn: 'moveIn',
  moveOut: 'moveOut',
  supplierChange: 'billing',
  disconnect: 'serviceDisconnect',
  reconnect: 'serviceConnect',
};

export interface SwitchWindow {
  start: string;
  end: string;
}

/** Without a window from the enterprise, a switch may be read from a day before to a day after its date. */
export const DEFAULT_WINDOW_HOURS = 24;

export function windowOf(dueAt: string, given?: Partial<SwitchWindow>): SwitchWindow {
  const due = Date.parse(dueAt);
  const start = given?.start ?? new Date(due - DEFAULT_WINDOW_HOURS * 3600_000).toISOString();
  const end = given?.end ?? new Date(due + DEFAULT_WINDOW_HOURS * 3600_000).toISOString();
  return { start, end };
}

export type WindowPosition = 'early' | 'inWindow' | 'late';

export function checkWindow(at: string, window: SwitchWindow): WindowPosition {
  const t = Date.parse(at);
  if (t < Date.parse(window.start)) return 'early';
  if (t > Date.parse(window.end)) return 'late';
  return 'inWindow';
}

export type SwitchEvent =
  | { type: 'read'; position: WindowPosition; outOfWindowReason?: string }
  | { type: 'notRead'; reason: string }
  | {
      type: 'control';
      outcome: SwitchOutcome;
      action: SwitchAction;
      controlResult?: ControlResult | undefined;
      position: WindowPosition;
      outOfWindowReason?: string;
    }
  | { type: 'cancel' }
  | { type: 'reschedule' };

/** A refusal; `outOfWindow` when only the reason for working outside the window is missing (a confirmation to give). */
export type SwitchTransition =
  { ok: true; status: SwitchStatus; flagOnly: boolean } | { ok: false; reason: string; refusal: SwitchRefusal; outOfWindow?: true };

/** Why the machine refused, as a code the screen and the CLI say in the user's words (errors.refusal.*). */
export type SwitchRefusal =
  | 'switchCancelled'
  | 'switchFinished'
  | 'outOfWindow'
  | 'readingGoesWithOutcome'
  | 'notDoneIsOutcome'
  | 'notReadNeedsReason'
  | 'noControlOutcome'
  | 'switchedHowMissing'
  | 'meterSwitchOperatedMissing'
  | 'meterSwitchFailed'
  | 'unknownEvent';

const finalStatuses: ReadonlySet<SwitchStatus> = new Set(['completed', 'estimateRequested', 'unableToComplete', 'cancelled']);
export const isFinalSwitch = (status: SwitchStatus): boolean => finalStatuses.has(status);

function finalRefusal(status: SwitchStatus): SwitchTransition {
  return status === 'cancelled'
    ? refuse(
        'switchCancelled',
        'The enterprise cancelled this switch. Do not carry it out; if you already did something on site, note it for the office.',
      )
    : refuse('switchFinished', 'This switch order is already finished; nothing more can be recorded on it.');
}

const refuse = (refusal: SwitchRefusal, reason: string): SwitchTransition => ({ ok: false, refusal, reason });
const to = (status: SwitchStatus): SwitchTransition => ({ ok: true, status, flagOnly: false });

/** Work done outside the window is accepted only with a reason (the office prorates to the switch date). */
function outsideWithoutReason(event: { position: WindowPosition; outOfWindowReason?: string | undefined }): SwitchTransition | null {
  if (event.position === 'inWindow' || event.outOfWindowReason?.trim()) return null;
  return {
    ok: false,
    refusal: 'outOfWindow',
    outOfWindow: true,
    reason: `This is ${event.position === 'early' ? 'before' : 'after'} the switch window. Give a reason, so the office can prorate the reading to the switch date.`,
  };
}

export function switchTransition(order: { kind: SwitchKind; status: SwitchStatus }, event: SwitchEvent): SwitchTransition {
  const { kind, status } = order;
  if (event.type === 'cancel' || event.type === 'reschedule') {
    if (isFinalSwitch(status)) return { ok: true, status, flagOnly: true };
    return to(event.type === 'cancel' ? 'cancelled' : 'assigned');
  }
  if (isFinalSwitch(status)) return finalRefusal(status);
  switch (event.type) {
    case 'read':
      if (!isReadingKind(kind))
        return refuse('readingGoesWithOutcome', 'Record the disconnect or reconnect outcome; its reading is taken with it.');
      return outsideWithoutReason(event) ?? to('completed');
    case 'notRead':
      if (!isReadingKind(kind))
        return refuse(
          'notDoneIsOutcome',
          'A disconnect or reconnect that could not be done is recorded as its outcome (refused, unsafe, meter not found).',
        );
      if (!event.reason.trim())
        return refuse('notReadNeedsReason', 'Say why the meter could not be read, so the enterprise can estimate the switch reading.');
      return to('estimateRequested');
    case 'control':
      if (!isControlKind(kind)) return refuse('noControlOutcome', 'Only a disconnect or reconnect has a control outcome.');
      if (event.outcome !== 'done') return to('unableToComplete');
      {
        const outside = outsideWithoutReason(event);
        if (outside) return outside;
      }
      if (event.action === 'none')
        return refuse('switchedHowMissing', "Say how the supply was switched: at the breaker or fuse, or with the meter's switch.");
      if (event.action === 'meterSwitch' && event.controlResult === undefined)
        return refuse('meterSwitchOperatedMissing', "Say whether the meter's switch operated.");
      if (event.controlResult === 'failed')
        return refuse(
          'meterSwitchFailed',
          "The meter's switch failed, so the work is not done: switch locally, or record why it could not be done.",
        );
      return to('completed');
    default: {
      const unknown: never = event;
      return refuse('unknownEvent', `Unknown event ${JSON.stringify(unknown)}`);
    }
  }
}

/**
 * Personal data kept to what the job needs (issue 9 §1): lists show initials only; the account
 * number is never needed in the field, so only its last four characters are shown anywhere.
 */
export function maskName(name: string): string {
  return name
    .trim()
    .split(/\s+/)
    .filter((w) => w !== '')
    .map((w) => `${w[0]}${'*'.repeat(Math.max(2, w.length - 1))}`)
    .join(' ');
}

export function maskAccount(account: string): string {
  const a = account.trim();
  if (a === '') return '';
  return a.length <= 4 ? '*'.repeat(a.length) : `${'*'.repeat(Math.min(6, a.length - 4))}${a.slice(-4)}`;
}
