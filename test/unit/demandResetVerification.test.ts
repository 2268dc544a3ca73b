/** A demand reset is done when the meter shows it: the reset counter up by exactly one and the demand register changed. */
import { describe, expect, it } from 'vitest';
import { verifyDemandReset } from '../../electron/services/serial/programOperations';

const demand = (value: string, at: string) => [
  { value, unit: 'kW' },
  { value: at, unit: null },
];

describe('demand reset verification', () => {
  it('verified: counter 07 → 08 and the maximum demand back to zero with a new time', () => {
    expect(verifyDemandReset(demand('0004.512', '2401151230'), demand('0000.000', '2612070415'), ['07', '08'])).toBe('verified');
  });
  it('a counter that did not rise by exactly one fails, as does one the meter did not give', () => {
    expect(verifyDemandReset(demand('0004.512', '2401151230'), demand('0000.000', '2612070415'), ['07', '07'])).toBe('counterNotRaised');
    expect(verifyDemandReset(demand('0004.512', '2401151230'), demand('0000.000', '2612070415'), ['07', '09'])).toBe('counterNotRaised');
    expect(verifyDemandReset(demand('0004.512', '2401151230'), demand('0000.000', '2612070415'), ['07', null])).toBe('counterNotRaised');
  });
  it('an unchanged demand register fails even where the model names no counter', () => {
    expect(verifyDemandReset(demand('0004.512', '2401151230'), demand('0004.512', '2401151230'), null)).toBe('demandUnchanged');
    expect(verifyDemandReset(demand('0004.512', '2401151230'), demand('0004.512', '2612070415'), null)).toBe('verified');
  });
});
