/**
 * Customer agreements and switch orders (issue 9). Call the writers inside the caller's
 * transaction (electron/services/inbound, electron/services/switching). Customer names leave this
 * repository only through `agreementsAt`/`agreement`, for the screen that needs them.
 */
import type {
  SwitchKind,
  SwitchOutcome,
  SwitchStatus,
  SwitchAction,
  ControlResult,
  EnterpriseChange,
} from '../../../../shared/domain/switching';
import type { Db } from '../database';

export interface AgreementRow {
  id: string;
  usagePointId: string;
  customerId: string | null;
  customerName: string;
  account: string;
  supplierId: string | null;
  supplierName: string;
  tariff: string;
  startAt: string | null;
  endAt: string | null;
  updatedAt: string;
}

export interface SwitchOrderRow {
  id: string;
  kind: SwitchKind;
  status: SwitchStatus;
  usagePointId: string;
  address: string;
  meterSerial: string;
  agreementId: string | null;
  previousAgreementId: string | null;
  dueAt: string;
  windowStart: string;
  windowEnd: string;
  description: string;
  readingSetId: string | null;
  readInWindow: boolean | null;
  notReadReason: string | null;
  outcome: SwitchOutcome | null;
  action: SwitchAction | null;
  controlResult: ControlResult | null;
  sealNumber: string | null;
  note: string;
  finishedAt: string | null;
  enterpriseChange: EnterpriseChange | null;
  enterpriseChangeAt: string | null;
  enterpriseChangeSeen: boolean;
  previousDueAt: string | null;
  updatedAt: string;
}

type RawAgreement = {
  id: string;
  usage_point_id: string;
  customer_id: string | null;
  customer_name: string;
  account: string;
  supplier_id: string | null;
  supplier_name: string;
  tariff: string;
  start_at: string | null;
  end_at: string | null;
  updated_at: string;
};
type RawOrder = {
  id: string;
  kind: SwitchKind;
  status: SwitchStatus;
  usage_point_id: string;
  address: string;
  meter_serial: string;
  agreement_id: string | null;
  previous_agreement_id: string | null;
  due_at: string;
  window_start: string;
  window_end: string;
  description: string;
  reading_set_id: string | null;
  read_in_window: number | null;
  not_read_reason: string | null;
  outcome: SwitchOutcome | null;
  action: SwitchAction | null;
  control_result: ControlResult | null;
  seal_number: string | null;
  note: string;
  finished_at: string | null;
  enterprise_change: EnterpriseChange | null;
  enterprise_change_at: string | null;
  enterprise_change_seen: number;
  previous_due_at: string | null;
  updated_at: string;
};

const toAgreement = (r: RawAgreement): AgreementRow => ({
  id: r.id,
  usagePointId: r.usage_point_id,
  customerId: r.customer_id,
  customerName: r.customer_name,
  account: r.account,
  supplierId: r.supplier_id,
  supplierName: r.supplier_name,
  tariff: r.tariff,
  startAt: r.start_at,
  endAt: r.end_at,
  updatedAt: r.updated_at,
});

const toOrder = (r: RawOrder): SwitchOrderRow => ({
  id: r.id,
  kind: r.kind,
  status: r.status,
  usagePointId: r.usage_point_id,
  address: r.address,
  meterSerial: r.meter_serial,
  agreementId: r.agreement_id,
  previousAgreementId: r.previous_agreement_id,
  dueAt: r.due_at,
  windowStart: r.window_start,
  windowEnd: r.window_end,
  description: r.description,
  readingSetId: r.reading_set_id,
  readInWindow: r.read_in_window === null ? null : r.read_in_window === 1,
  notReadReason: r.not_read_reason,
  outcome: r.outcome,
  action: r.action,
  controlResult: r.control_result,
  sealNumber: r.seal_number,
  note: r.note,
  finishedAt: r.finished_at,
  enterpriseChange: r.enterprise_change,
  enterpriseChangeAt: r.enterprise_change_at,
  enterpriseChangeSeen: r.enterprise_change_seen === 1,
  previousDueAt: r.previous_due_at,
  updatedAt: r.updated_at,
});

/** An agreement as a message brings it: the row's fields, when, and which message. */
export type NewAgreement = Omit<AgreementRow, 'updatedAt'> & { at: string; messageId: string };

export interface NewSwitchOrder {
  id: string;
  kind: SwitchKind;
  usagePointId: string;
  meterSerial: string;
  agreementId: string | null;
  previousAgreementId: string | null;
  dueAt: string;
  windowStart: string;
  windowEnd: string;
  description: string;
  messageId: string;
  at: string;
}

/** What finishing a switch order writes (only the fields its kind uses are non-null). */
export interface SwitchFinish {
  id: string;
  status: SwitchStatus;
  readingSetId: string | null;
  readInWindow: boolean | null;
  notReadReason: string | null;
  outcome: SwitchOutcome | null;
  action: SwitchAction | null;
  controlResult: ControlResult | null;
  sealNumber: string | null;
  note: string;
  at: string;
}

export function createSwitchingRepository(db: Db) {
  const upsertAgreement = db.prepare(
    `INSERT INTO customer_agreements (id, usage_point_id, customer_id, customer_name, account, supplier_id, supplier_name, tariff, start_at, end_at, updated_at, message_id)
     VALUES (@id, @usagePointId, @customerId, @customerName, @account, @supplierId, @supplierName, @tariff, @startAt, @endAt, @at, @messageId)
     ON CONFLICT (id) DO UPDATE SET usage_point_id = excluded.usage_point_id,
       customer_id = coalesce(excluded.customer_id, customer_id),
       customer_name = CASE excluded.customer_name WHEN '' THEN customer_name ELSE excluded.customer_name END,
       account = CASE excluded.account WHEN '' THEN account ELSE excluded.account END,
       supplier_id = coalesce(excluded.supplier_id, supplier_id),
       supplier_name = CASE excluded.supplier_name WHEN '' THEN supplier_name ELSE excluded.supplier_name END,
       tariff = CASE excluded.tariff WHEN '' THEN tariff ELSE excluded.tariff END,
       start_at = coalesce(excluded.start_at, start_at),
       end_at = coalesce(excluded.end_at, end_at),
       updated_at = excluded.updated_at, message_id = excluded.message_id`,
  );
  const endAgreement = db.prepare(
    'UPDATE customer_agreements SET end_at = @endAt, updated_at = @at, message_id = @messageId WHERE id = @id',
  );
  const agreement = db.prepare('SELECT * FROM customer_agreements WHERE id = ?');
  const agreementsAt = db.prepare("SELECT * FROM customer_agreements WHERE usage_point_id = ? ORDER BY coalesce(start_at, '') DESC, id");

  const SELECT = 'SELECT s.*, up.address FROM switch_orders s JOIN usage_points up ON up.id = s.usage_point_id';
  const list = db.prepare(`${SELECT} ORDER BY CASE s.status WHEN 'assigned' THEN 0 ELSE 1 END, s.due_at, s.id`);
  const get = db.prepare(`${SELECT} WHERE s.id = ?`);
  const insert = db.prepare(
    `INSERT OR IGNORE INTO switch_orders (id, kind, usage_point_id, meter_serial, agreement_id, previous_agreement_id, due_at, window_start, window_end, description, message_id, created_at, updated_at)
     VALUES (@id, @kind, @usagePointId, @meterSerial, @agreementId, @previousAgreementId, @dueAt, @windowStart, @windowEnd, @description, @messageId, @at, @at)`,
  );
  const finish = db.prepare(
    `UPDATE switch_orders SET status = @status, reading_set_id = @readingSetId, read_in_window = @readInWindow, not_read_reason = @notReadReason, outcome = @outcome,
       action = @action, control_result = @controlResult, seal_number = @sealNumber, note = @note, finished_at = @at, updated_at = @at WHERE id = @id`,
  );
  const cancel = db.prepare(
    `UPDATE switch_orders SET status = CASE WHEN @final THEN status ELSE 'cancelled' END, enterprise_change = 'cancelled', enterprise_change_at = @at,
       enterprise_change_seen = 0, updated_at = @at, message_id = @messageId WHERE id = @id`,
  );
  const reschedule = db.prepare(
    `UPDATE switch_orders SET previous_due_at = due_at, due_at = @dueAt, window_start = @windowStart, window_end = @windowEnd, enterprise_change = 'rescheduled',
       enterprise_change_at = @at, enterprise_change_seen = 0, updated_at = @at, message_id = @messageId WHERE id = @id`,
  );
  const acknowledge = db.prepare('UPDATE switch_orders SET enterprise_change_seen = 1 WHERE id = ?');
  // The seal a disconnect put on; the meter's other seals (cover, terminals) stay.
  const removeSeal = db.prepare('UPDATE seals SET removed_at = ? WHERE end_device_id = ? AND seal_number = ? AND removed_at IS NULL');

  return {
    upsertAgreement: (a: NewAgreement) => upsertAgreement.run(a),
    /** The agreement ends (MasterDataLinkageConfig close); its data stays for the switch orders that name it. */
    endAgreement: (o: { id: string; endAt: string; at: string; messageId: string }) => endAgreement.run(o).changes === 1,
    agreement: (id: string): AgreementRow | null => {
      const row = agreement.get(id) as RawAgreement | undefined;
      return row ? toAgreement(row) : null;
    },
    agreementsAt: (usagePointId: string): AgreementRow[] => (agreementsAt.all(usagePointId) as RawAgreement[]).map(toAgreement),
    list: (): SwitchOrderRow[] => (list.all() as RawOrder[]).map(toOrder),
    get: (id: string): SwitchOrderRow | null => {
      const row = get.get(id) as RawOrder | undefined;
      return row ? toOrder(row) : null;
    },
    /** Returns false when the id exists already (a request delivered twice). */
    insert: (o: NewSwitchOrder) => insert.run(o).changes === 1,
    finish: (f: SwitchFinish) => finish.run({ ...f, readInWindow: f.readInWindow === null ? null : f.readInWindow ? 1 : 0 }),
    /** An enterprise cancel: an open order is cancelled; a finished one keeps its result and is flagged. */
    cancel: (o: { id: string; final: boolean; at: string; messageId: string }) => cancel.run({ ...o, final: o.final ? 1 : 0 }),
    reschedule: (o: { id: string; dueAt: string; windowStart: string; windowEnd: string; at: string; messageId: string }) =>
      reschedule.run(o),
    /** The user has seen the enterprise's cancel or reschedule. */
    acknowledge: (id: string) => acknowledge.run(id).changes === 1,
    /** A reconnect breaks the disconnect seal only; returns false when no such seal was on record. */
    removeSeal: (deviceId: number, sealNumber: string, at: string) => removeSeal.run(at, deviceId, sealNumber).changes > 0,
  };
}
export type SwitchingRepository = ReturnType<typeof createSwitchingRepository>;
