/**
 * shared/cim/README.md "Codes the app sends" lists every code the app puts in a message, with its
 * source (issue 20 §1 "done when"). A code added to the code tables without its row fails here.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { endDeviceControlType, endDeviceEventType } from '../../../shared/cim/codes/endDeviceCodes';
import { channelReadingType } from '../../../shared/cim/codes/mbusChannels';
import { powerFailCountReadingType } from '../../../shared/cim/codes/powerFailures';
import { readingQuality } from '../../../shared/cim/readingQuality';

const readme = readFileSync(resolve(import.meta.dirname, '../../../shared/cim/README.md'), 'utf8');
const listed = (code: string) => readme.includes(code) || readme.includes(code.replace(/^\d+\./, 'x.'));

describe('the code table of shared/cim/README.md', () => {
  it('has every EndDeviceEventType and every control the app sends', () => {
    for (const [name, code] of Object.entries(endDeviceEventType)) expect(listed(code), `${name} ${code}`).toBe(true);
    for (const name of ['disconnect', 'connect', 'demandReset', 'clockSet', 'panPairingWindowOpen'] as const)
      expect(listed(endDeviceControlType(name)), name).toBe(true);
  });

  it('has the count and M-Bus channel ReadingTypes and the ReadingQuality codes', () => {
    for (const key of ['96.7.0', '96.7.21', '96.7.9']) expect(readme, key).toContain(powerFailCountReadingType(key));
    for (const [device, register] of [
      ['gas', '24.2.1'],
      ['gas', '24.2.3'],
      ['water', '24.2.1'],
    ] as const)
      expect(readme).toContain(channelReadingType(device, register, 'm3'));
    // The qualities the app sets (the others are only read and described).
    for (const name of ['deviceValid', 'manuallyEntered', 'outsideExpectedRange', 'knownMissingRead', 'edited'] as const)
      expect(readme.includes(readingQuality[name]), name).toBe(true);
  });
});
