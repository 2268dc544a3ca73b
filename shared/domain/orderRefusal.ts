/**
 * What a refused step of a work order or switch order says (issue 16 §3): which order, in which
 * state, refused which action the user asked for, and the state machine's own refusal code. The
 * lists are the machines' own (workOrder.ts, switching.ts); the compiler keeps them in step.
 */
// Types only: the CLI says errors through this module and must not load the machines (issue 21).
import type { SwitchEvent, SwitchRefusal, SwitchStatus } from './switching';
import type { WorkOrderEvent, WorkOrderRefusal, WorkOrderStatus } from './workOrder';

export const orderKinds = ['workOrder', 'switchOrder'] as const;
export type OrderKind = (typeof orderKinds)[number];

export const orderStatuses = ['assigned', 'inProgress', 'completed', 'unableToComplete', 'cancelled', 'estimateRequested'] as const;

/** The actions a user asks of an order: the machines' event types. */
export const orderActions = ['start', 'complete', 'unable', 'cancel', 'read', 'notRead', 'control', 'reschedule'] as const;
export type OrderAction = (typeof orderActions)[number];

/**
 * Every refusal of the two machines, and whether it is the order's state itself (finished,
 * cancelled, not started …): that is said as "you asked to …, but this order is …", with the
 * refusal's advice after it. The others are about what was entered (a missing reason, an outcome)
 * and are said by their own words.
 */
const refusalIsState = {
  switchCancelled: true,
  switchFinished: true,
  outOfWindow: false,
  readingGoesWithOutcome: false,
  notDoneIsOutcome: false,
  notReadNeedsReason: false,
  noControlOutcome: false,
  switchedHowMissing: false,
  meterSwitchOperatedMissing: false,
  meterSwitchFailed: false,
  orderCompleted: true,
  orderUnableToComplete: true,
  orderCancelled: true,
  orderFinal: true,
  orderInProgress: true,
  orderNotStarted: true,
  unableNeedsReason: false,
  unknownEvent: false,
} as const satisfies Record<SwitchRefusal | WorkOrderRefusal, boolean>;

type OrderRefusal = keyof typeof refusalIsState;
export const orderRefusals = Object.keys(refusalIsState) as [OrderRefusal, ...OrderRefusal[]];
export const stateRefusals: ReadonlySet<string> = new Set(orderRefusals.filter((r) => refusalIsState[r]));

// Fails to compile when a machine gains an event type or refusal these lists do not name.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const _statusesAgree: Same<(typeof orderStatuses)[number], WorkOrderStatus | SwitchStatus> = true;
const _actionsAgree: Same<OrderAction, WorkOrderEvent['type'] | SwitchEvent['type']> = true;
const _refusalsAgree: Same<OrderRefusal, SwitchRefusal | WorkOrderRefusal> = true;
void _statusesAgree;
void _actionsAgree;
void _refusalsAgree;
