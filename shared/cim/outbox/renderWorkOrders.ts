/**
 * Payload bodies of installer work orders (issue 8): MasterDataLinkageConfig (create = link,
 * close = unlink; CX MasterDataLinkageAction, ../shared/cim/NOTES.md §5), MeterConfig (the meter
 * asset: status, lifecycle dates, seals), EndDeviceConfig (a PAN device: isPan, installCode),
 * EndDeviceControls (the PAN pairing window x.10.73.298, NOTES.md §7) and MeterServiceRequests,
 * the only noun in our schemas that names meter service work (EPRI draft), for an outcome
 * reported without field data.
 */
import type { PayloadBody } from '../payloads';
import type { OutboxPayload } from './kinds';

const named = (name: string) => ({ names: [{ name }] });

export function linkageBody(p: OutboxPayload<'linkage'>, createdAt: string): PayloadBody {
  return {
    noun: 'MasterDataLinkageConfig',
    value: {
      configurationEvent: { createdDateTime: createdAt, effectiveDateTime: p.effectiveDateTime, reason: p.reason },
      endDevices: p.endDevice ? [named(p.endDevice)] : undefined,
      meters: p.meter ? [named(p.meter)] : undefined,
      usagePoints: [{ mRID: p.usagePoint }],
    },
  };
}

export function meterConfigBody(p: OutboxPayload<'meterConfig'>): PayloadBody {
  const seals = [
    ...p.sealsRemoved.map((sealNumber) => ({ sealNumber, condition: 'broken' as const })),
    ...p.sealsApplied.map((sealNumber) => ({ sealNumber, condition: 'locked' as const, appliedDateTime: p.at })),
  ];
  return {
    noun: 'MeterConfig',
    value: {
      meters: [
        {
          serialNumber: p.meter,
          type: p.meterType,
          // LifecycleDate fields are xs:date in the CX MeterConfig.xsd: the day only.
          lifecycle: p.status === 'installed' ? { installationDate: p.at.slice(0, 10) } : { removalDate: p.at.slice(0, 10) },
          names: [{ name: p.meter }],
          seals,
          status: { dateTime: p.at, value: p.status, reason: p.disposition },
        },
      ],
    },
  };
}

export function panConfigBody(p: OutboxPayload<'panConfig'>): PayloadBody {
  return {
    noun: 'EndDeviceConfig',
    value: {
      endDevices: [
        {
          installCode: p.installCode,
          isPan: true,
          serialNumber: p.eui64,
          type: p.deviceType,
          electronicAddress: { mac: p.eui64 },
          names: [{ name: p.eui64 }],
          status: { dateTime: p.at, value: p.status, remark: `meter ${p.meter} at ${p.usagePoint}` },
        },
      ],
    },
  };
}

export function panPairingBody(p: OutboxPayload<'panPairing'>): PayloadBody {
  return {
    noun: 'EndDeviceControls',
    value: {
      endDeviceControls: [
        {
          controlType: p.controlType,
          endDevices: [
            { serialNumber: p.meter, names: [{ name: p.meter }] },
            { serialNumber: p.eui64, installCode: p.installCode, isPan: true, names: [{ name: p.eui64 }] },
          ],
          primaryDeviceTiming: { duration: String(p.durationMinutes), interval: { start: p.at } },
          usagePoints: [{ mRID: p.usagePoint }],
        },
      ],
    },
  };
}

/** The outcome as a MeterServiceWork whose status holds it, correlated to the request by the work order id. */
export function serviceReportBody(p: OutboxPayload<'serviceReport'>): PayloadBody {
  const pan = p.kind === 'panCommission' || p.kind === 'panDecommission';
  return {
    noun: 'MeterServiceRequests',
    value: {
      header: { verb: 'changed', noun: 'MeterServiceRequests', timestamp: p.at, correlationID: p.workOrderId },
      work: [
        {
          kind: pan ? 'service' : 'meter',
          lastModifiedDateTime: p.at,
          type: p.kind,
          meter: p.meter ? { serialNumber: p.meter, names: [{ name: p.meter }] } : {},
          status: { dateTime: p.at, reason: p.reason, remark: p.remark ?? `usage point ${p.usagePoint}`, value: p.status },
        },
      ],
    },
  };
}
