/**
 * The inbox keeps each message's payload as received, for the record — but not the customer's
 * name (issue 9: personal data never kept where the job does not need it). Customer names live in
 * customer_agreements only; the inbox copy names the customer by its mRID.
 */
import type { PayloadBody } from '../../../shared/cim';

const REDACTED = [{ name: '(personal data removed)' }];

export function withoutPersonalData(body: PayloadBody): PayloadBody {
  switch (body.noun) {
    case 'MasterDataLinkageConfig':
      return body.value.customers?.length
        ? { ...body, value: { ...body.value, customers: body.value.customers.map((c) => ({ ...c, names: c.names && REDACTED })) } }
        : body;
    case 'MeterServiceRequests':
      return {
        ...body,
        value: { ...body.value, work: body.value.work?.map((w) => (w.customers ? { ...w, customers: w.customers.map((c) => ({ ...c, names: c.names && REDACTED })) } : w)) },
      };
    default:
      return body;
  }
}
