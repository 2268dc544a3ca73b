/**
 * The training route's radio meters (issue 23 §6): water, heat and gas meters of several makers,
 * as the receiver simulator sends them and as a training route lists them (meter number =
 * manufacturer + id, electron/services/mbus/radioRoute.ts). Their keys are training keys, public
 * on purpose, as the training meter's password is: practice needs no real secret.
 */
import type { RadioMeterProfile } from '../../../shared/mbus';
import { hexBytes } from '../../../shared/mbus';

export const TRAINING_RADIO_KEY = '000102030405060708090A0B0C0D0E0F';

const key = hexBytes(TRAINING_RADIO_KEY);

/** Device types (EN 13757-3 Table 12): 0x07 water, 0x16 cold water, 0x03 gas. */
export const trainingRadioMeters: readonly RadioMeterProfile[] = [
  { manufacturer: 'KAM', id: '44556677', version: 0x1b, deviceType: 0x16, volume: '1234.567', key },
  { manufacturer: 'DME', id: '21010001', version: 0x01, deviceType: 0x07, volume: '87.210', key },
  { manufacturer: 'ZRI', id: '12345678', version: 0x01, deviceType: 0x07, volume: '402.006', key },
  { manufacturer: 'ELS', id: '00770001', version: 0x33, deviceType: 0x03, volume: '5120.440', key },
  { manufacturer: 'ITW', id: '30000042', version: 0x01, deviceType: 0x07, volume: '19.999' },
];

/** The training meters' key file, as a utility would send it (electron/services/meterKeys/keyFile.ts). */
export const trainingKeyFile = (): string =>
  [
    'manufacturer,id,kind,key',
    ...trainingRadioMeters.filter((m) => m.key).map((m) => `${m.manufacturer},${m.id},mbus,${TRAINING_RADIO_KEY}`),
  ].join('\n') + '\n';
