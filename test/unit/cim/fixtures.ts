/** One message per noun/verb Fieldmeter emits or reads, with most optional parts filled in. */
import type { CimMessage, Header, PayloadBody } from '../../../shared/cim';
import { endDeviceControlType, endDeviceEventType } from '../../../shared/cim/codes/endDeviceCodes';
import { readingQuality } from '../../../shared/cim/readingQuality';

const kWh = '0.0.0.1.1.1.12.0.0.0.0.0.0.0.0.3.72.0';
const kWh15 = '0.0.2.4.1.1.12.0.0.0.0.0.0.0.0.3.72.0';
const at = '2026-05-01T10:05:00Z';
const meterMrid = '3f2504e0-4f89-11d3-9a0c-0305e82c3301';

const header = (verb: Header['verb'], noun: string, extra: Partial<Header> = {}): Header => ({
  verb,
  noun,
  revision: '2.0',
  timestamp: '2026-05-01T10:15:00Z',
  source: 'FIELDMETER-01',
  messageID: `msg-${verb}-${noun}`,
  ...extra,
});
const xml = (body: PayloadBody) => ({ kind: 'xml' as const, body });

export const meterReadingsBody: PayloadBody = {
  noun: 'MeterReadings',
  value: {
    meterReadings: [
      {
        intervalBlocks: [
          {
            intervalReadings: [
              { timeStamp: '2026-05-01T10:00:00Z', value: '0.412', readingQualities: [{ readingQualityType: readingQuality.deviceValid }] },
              { timeStamp: '2026-05-01T10:15:00Z', value: '0.398' },
            ],
            readingType: kWh15,
          },
        ],
        meter: {
          mRID: meterMrid,
          serialNumber: '0012345678',
          names: [{ name: 'SN-0012345678', nameType: 'serial', nameTypeAuthority: 'utility' }],
        },
        readings: [
          {
            reason: 'billing',
            timeStamp: at,
            value: '12345.678',
            readingQualities: [{ source: 'FIELDMETER-01', readingQualityType: readingQuality.manuallyEntered }],
            readingType: kWh,
          },
          {
            timeStamp: at,
            value: '17.25 & <odd> "text"',
            readingType: '0.0.0.1.19.1.12.0.0.0.0.0.0.0.0.3.72.0',
            timePeriod: { start: '2026-04-01T00:00:00Z', end: at },
          },
        ],
        usagePoint: { mRID: 'UP-0001' },
        valuesInterval: { start: '2026-04-01T00:00:00Z', end: at },
      },
    ],
  },
};

export const fixtures: readonly { name: string; message: CimMessage }[] = [
  {
    name: 'CreatedMeterReadings',
    message: {
      kind: 'event',
      header: header('created', 'MeterReadings', {
        asyncReplyFlag: false,
        ackRequired: true,
        user: { userID: 'tech-7', organization: 'Springfield Utility' },
        correlationID: 'corr-1',
        properties: [{ name: 'MessageIndex', value: '1/1' }, { name: 'Empty' }],
      }),
      payload: { ...xml(meterReadingsBody), format: 'XML' },
    },
  },
  {
    name: 'GetMeterReadings',
    message: {
      kind: 'request',
      header: header('get', 'MeterReadings'),
      request: {
        startTime: '2026-04-30T00:00:00Z',
        endTime: '2026-05-01T00:00:00Z',
        options: [{ name: 'ReadingType', value: kWh }],
        ids: [{ value: 'SN-1' }],
      },
      payload: xml({
        noun: 'GetMeterReadings',
        value: {
          endDevices: [{ mRID: meterMrid, serialNumber: 'SN-1' }],
          readingTypes: [kWh],
          timeSchedules: [{ start: '2026-04-30T00:00:00Z', end: '2026-05-01T00:00:00Z' }],
          usagePoints: [{ names: [{ name: 'UP-0001' }] }],
        },
      }),
    },
  },
  {
    name: 'MeterReadingsResponseMessage',
    message: {
      kind: 'response',
      header: header('reply', 'MeterReadings', { correlationID: 'msg-created-MeterReadings' }),
      reply: {
        result: 'PARTIAL',
        errors: [
          { code: '0.0', level: 'INFORM', reason: 'accepted' },
          {
            code: '2.4',
            level: 'FATAL',
            reason: 'unknown meter',
            details: 'no such serial',
            id: { value: 'SN-9', kind: 'name', objectType: 'EndDevice' },
          },
        ],
        ids: [{ value: 'msg-1', kind: 'transaction', idType: 'MessageID', idAuthority: 'MDM' }],
      },
    },
  },
  {
    name: 'CreatedEndDeviceEvents',
    message: {
      kind: 'event',
      header: header('created', 'EndDeviceEvents'),
      payload: xml({
        noun: 'EndDeviceEvents',
        value: {
          endDeviceEvents: [
            {
              mRID: 'evt-1',
              createdDateTime: '2026-05-01T09:58:12Z',
              severity: 'alarm',
              assets: { mRID: meterMrid },
              eventType: endDeviceEventType.powerDown,
            },
            {
              createdDateTime: '2026-05-01T10:01:00Z',
              reason: 'seen in the field',
              assets: { serialNumber: 'SN-1', names: [{ name: 'SN-1' }] },
              details: [{ name: 'note', value: 'cover seal broken' }],
              eventType: endDeviceEventType.coverOpened,
              status: { value: 'open', dateTime: '2026-05-01T10:01:00Z' },
              usagePoint: { mRID: 'UP-0001' },
            },
          ],
        },
      }),
    },
  },
  {
    name: 'CreateEndDeviceControls',
    message: {
      kind: 'request',
      header: header('create', 'EndDeviceControls', { asyncReplyFlag: true, replyAddress: 'https://fieldmeter.example/reply' }),
      payload: xml({
        noun: 'EndDeviceControls',
        value: {
          endDeviceControls: [
            {
              reason: 'customer move-out',
              controlType: endDeviceControlType('disconnect'),
              endDevices: [{ mRID: meterMrid }],
              primaryDeviceTiming: { interval: { start: '2026-05-02T06:00:00Z' } },
            },
            { controlType: endDeviceControlType('demandReset'), endDevices: [{ serialNumber: 'SN-1' }] },
            {
              controlType: endDeviceControlType('panPairingWindowOpen'),
              attributes: [{ name: 'durationSeconds', value: '300' }],
              endDevices: [
                { mRID: meterMrid },
                { serialNumber: 'IHD-77', isPan: true, installCode: '83FED3407A939723A5C639B26916D505C3B5' },
              ],
              primaryDeviceTiming: { duration: '5', randomisation: 'none' },
            },
            {
              controlType: endDeviceControlType('loadControlInitiate'),
              drProgramLevel: 2,
              drProgramMandatory: true,
              pan: {
                kind: 'PanDemandResponse',
                dutyCycle: '50',
                enrollmentGroup: '1',
                startDateTime: '2026-05-01T14:00:00Z',
                duration: '60',
              },
              usagePoints: [{ mRID: 'UP-0001' }],
            },
            {
              controlType: endDeviceControlType('panPriceSignalCreate'),
              priceSignal: '0.31',
              pan: {
                kind: 'PanPricing',
                providerID: 7,
                details: [{ price: '0.31', priceTier: 2, rateLabel: 'peak', unitOfMeasure: 'kWh' }],
              },
            },
            {
              controlType: endDeviceControlType('panTextMessageDisplay'),
              pan: {
                kind: 'PanDisplay',
                textMessage: 'Meter exchange tomorrow 9–11',
                confirmationRequired: true,
                transmissionMode: 'normal',
              },
            },
          ],
        },
      }),
    },
  },
  {
    name: 'EndDeviceControlsResponseMessage',
    message: {
      kind: 'response',
      header: header('reply', 'EndDeviceControls', { correlationID: 'msg-create-EndDeviceControls' }),
      reply: {
        result: 'FAILED',
        errors: [
          { code: '2.4', level: 'FATAL', reason: 'meter unreachable', id: { value: meterMrid, kind: 'uuid', objectType: 'EndDevice' } },
        ],
      },
    },
  },
  {
    name: 'CreateMeterConfig',
    message: {
      kind: 'request',
      header: header('create', 'MeterConfig'),
      payload: xml({
        noun: 'MeterConfig',
        value: {
          meters: [
            {
              mRID: meterMrid,
              amrSystem: 'optical',
              lotNumber: 'LOT-2026-04',
              serialNumber: '0012345678',
              type: 'E350',
              configurationEvents: {
                createdDateTime: '2026-05-01T11:00:00Z',
                effectiveDateTime: '2026-05-01T11:00:00Z',
                reason: 'install',
              },
              electronicAddress: { mac: '00:1B:C5:0C:60:00:00:01' },
              endDeviceInfo: { phaseCount: 3, assetModel: { modelNumber: 'E350', manufacturer: { names: [{ name: 'Landis+Gyr' }] } } },
              lifecycle: { installationDate: '2026-05-01', manufacturedDate: '2025-11-02' },
              multipliers: [{ kind: 'ctRatio', value: '40' }],
              names: [{ name: 'SN-0012345678' }],
              seals: [{ sealNumber: 'S-99812', kind: 'lead', condition: 'locked', appliedDateTime: '2026-05-01T11:03:00Z' }],
              status: { value: 'installed' },
            },
          ],
        },
      }),
    },
  },
  {
    name: 'CreateEndDeviceConfig',
    message: {
      kind: 'request',
      header: header('create', 'EndDeviceConfig'),
      payload: xml({
        noun: 'EndDeviceConfig',
        value: {
          endDevices: [
            {
              mRID: 'b7c1f1de-0000-4000-8000-000000000077',
              installCode: '83FED3407A939723A5C639B26916D505C3B5',
              isPan: true,
              serialNumber: 'IHD-77',
              type: 'InPremisesDisplay',
              electronicAddress: { mac: '00:0D:6F:00:0A:BC:DE:F0' },
              lifecycle: { installationDate: '2026-05-01' },
              names: [{ name: 'Kitchen display' }],
            },
          ],
        },
      }),
    },
  },
  {
    name: 'ChangeUsagePointConfig',
    message: {
      kind: 'request',
      header: header('change', 'UsagePointConfig'),
      payload: xml({
        noun: 'UsagePointConfig',
        value: {
          usagePoints: [
            {
              mRID: 'UP-0001',
              connectionState: 'connected',
              isSdp: true,
              phaseCode: 'ABCN',
              readRoute: 'DEMO-01',
              configurationEvents: { createdDateTime: '2026-05-01T11:04:00Z', reason: 'field survey' },
              metrologyRequirements: [{ readingTypes: [kWh, kWh15] }],
              names: [{ name: '12 Linden Street' }],
              serviceCategory: 'electricity',
              serviceLocation: { mRID: 'SL-0001' },
            },
          ],
        },
      }),
    },
  },
  {
    name: 'CreateMasterDataLinkageConfig',
    message: {
      kind: 'request',
      header: header('create', 'MasterDataLinkageConfig'),
      payload: xml({
        noun: 'MasterDataLinkageConfig',
        value: {
          configurationEvent: { createdDateTime: '2026-05-01T11:04:00Z', effectiveDateTime: '2026-05-01T11:00:00Z' },
          meters: [{ mRID: meterMrid, names: [{ name: 'SN-0012345678' }] }],
          usagePoints: [{ mRID: 'UP-0001' }],
        },
      }),
    },
  },
  {
    name: 'CloseMasterDataLinkageConfig',
    message: {
      kind: 'request',
      header: header('close', 'MasterDataLinkageConfig'),
      payload: xml({
        noun: 'MasterDataLinkageConfig',
        value: {
          configurationEvent: {
            createdDateTime: '2026-05-01T11:02:00Z',
            effectiveDateTime: '2026-05-01T11:00:00Z',
            reason: 'meter exchange',
          },
          customerAgreements: [{ mRID: 'AGR-1' }],
          meters: [{ names: [{ name: 'SN-OLD-1' }] }],
          usagePoints: [{ mRID: 'UP-0001' }],
        },
      }),
    },
  },
  {
    // Only in the older openwms/EPRI set, with the draft "www.iec.ch" envelope (NOTES.md §5).
    name: 'CreatedMeterServiceRequests',
    message: {
      kind: 'event',
      header: header('created', 'MeterServiceRequests'),
      payload: xml({
        noun: 'MeterServiceRequests',
        value: {
          header: { verb: 'created', noun: 'MeterServiceRequests', timestamp: '2026-05-01T11:10:00Z', messageID: 'msr-1' },
          work: [
            {
              kind: 'meter',
              priority: 'normal',
              requestDateTime: '2026-04-28T08:00:00Z',
              type: 'exchange',
              meter: { mRID: meterMrid, serialNumber: '0012345678', names: [{ name: 'SN-0012345678' }] },
              oldMeter: { serialNumber: 'SN-OLD-1' },
              status: { value: 'completed', dateTime: '2026-05-01T11:05:00Z' },
            },
          ],
        },
      }),
    },
  },
  {
    // Customer data (issue 9): an agreement with its customer, account, supplier and tariff, linked to a usage point.
    name: 'CreatedMasterDataLinkageConfig',
    message: {
      kind: 'event',
      header: header('created', 'MasterDataLinkageConfig'),
      payload: xml({
        noun: 'MasterDataLinkageConfig',
        value: {
          configurationEvent: { createdDateTime: '2026-05-01T11:04:00Z', effectiveDateTime: '2026-06-01T00:00:00Z', reason: 'move-in' },
          customers: [{ mRID: 'CUST-1', names: [{ name: 'Erika Mustermann' }] }],
          customerAccounts: [{ mRID: 'ACC-4711' }],
          customerAgreements: [{ mRID: 'AGR-2', names: [{ name: 'Contract 2026/17' }] }],
          pricingStructures: [{ mRID: 'H0' }],
          serviceSuppliers: [{ mRID: 'SUP-9', names: [{ name: 'Green Valley Power' }] }],
          usagePoints: [{ mRID: 'UP-0001' }],
        },
      }),
    },
  },
  {
    // A switch rescheduled by the enterprise (issue 9): customer, agreements and the window to read in.
    name: 'ChangeMeterServiceRequests',
    message: {
      kind: 'request',
      header: header('change', 'MeterServiceRequests'),
      payload: xml({
        noun: 'MeterServiceRequests',
        value: {
          header: { verb: 'change', noun: 'MeterServiceRequests', messageID: 'msr-2', correlationID: 'msr-1' },
          work: [
            {
              kind: 'service',
              requestDateTime: '2026-06-01T00:00:00Z',
              type: 'supplierChange',
              customers: [
                { mRID: 'CUST-1', customerAgreements: [{ mRID: 'AGR-2' }, { mRID: 'AGR-1' }], names: [{ name: 'Erika Mustermann' }] },
              ],
              meter: {
                serialNumber: '0012345678',
                meterReadings: [{ valuesInterval: { start: '2026-05-31T00:00:00Z', end: '2026-06-02T00:00:00Z' } }],
              },
            },
          ],
        },
      }),
    },
  },
  {
    name: 'MeterReadingsFaultMessage',
    message: { kind: 'fault', noun: 'MeterReadings', reply: { result: 'FAILED', errors: [{ code: '1.1', reason: 'schema error' }] } },
  },
];
