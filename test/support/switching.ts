/** Inbound switching messages as the enterprise sends them (issue 9). */
import { buildMessage, type CimMessage, type Header } from '../../shared/cim';
import type { MeterServiceWork } from '../../shared/cim/payloads/meterServiceRequests';

const header = (verb: Header['verb'], noun: string, id: string): Header => ({
  verb,
  noun,
  timestamp: '2026-11-20T10:00:00Z',
  source: 'CIS',
  messageID: id,
});

/** A CreateMasterDataLinkageConfig (or Close…) linking a customer agreement to a usage point. */
export function agreementMessage(o: {
  verb?: 'create' | 'close';
  id: string;
  agreement: string;
  usagePoint: string;
  customer?: string;
  account?: string;
  supplier?: string;
  tariff?: string;
  effective: string;
}): CimMessage {
  return {
    kind: 'request',
    header: header(o.verb ?? 'create', 'MasterDataLinkageConfig', o.id),
    payload: {
      kind: 'xml',
      body: {
        noun: 'MasterDataLinkageConfig',
        value: {
          configurationEvent: { createdDateTime: '2026-11-20T09:00:00Z', effectiveDateTime: o.effective, reason: 'customer switching' },
          customers: o.customer ? [{ mRID: `C-${o.agreement}`, names: [{ name: o.customer }] }] : undefined,
          customerAccounts: o.account ? [{ mRID: o.account }] : undefined,
          customerAgreements: [{ mRID: o.agreement }],
          pricingStructures: o.tariff ? [{ mRID: o.tariff }] : undefined,
          serviceSuppliers: o.supplier ? [{ mRID: `S-${o.supplier}`, names: [{ name: o.supplier }] }] : undefined,
          usagePoints: [{ mRID: o.usagePoint }],
        },
      },
    },
  };
}

/** A Create/Change/CancelMeterServiceRequests holding switch work; change and cancel name the order in CorrelationID. */
export function switchRequest(
  verb: 'create' | 'change' | 'cancel',
  messageId: string,
  order: string,
  work: MeterServiceWork[],
): CimMessage {
  return {
    kind: 'request',
    header: header(verb, 'MeterServiceRequests', messageId),
    payload: {
      kind: 'xml',
      body: {
        noun: 'MeterServiceRequests',
        value: {
          header: {
            verb,
            noun: 'MeterServiceRequests',
            messageID: verb === 'create' ? order : messageId,
            correlationID: verb === 'create' ? undefined : order,
          },
          work,
        },
      },
    },
  };
}

export const switchWork = (o: {
  type: string;
  meter: string;
  due?: string;
  window?: { start: string; end: string };
  agreements?: string[];
  customer?: string;
}): MeterServiceWork => ({
  kind: o.type === 'disconnect' || o.type === 'reconnect' ? o.type : 'service',
  requestDateTime: o.due,
  type: o.type,
  customers: o.agreements
    ? [{ mRID: 'C-1', customerAgreements: o.agreements.map((mRID) => ({ mRID })), names: o.customer ? [{ name: o.customer }] : undefined }]
    : undefined,
  meter: { serialNumber: o.meter, meterReadings: o.window ? [{ valuesInterval: o.window }] : undefined },
});

export const typedXml = (message: CimMessage) => buildMessage(message, { pretty: true });
