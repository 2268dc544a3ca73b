/** AES-CMAC (RFC 4493 §4 test vectors) through the injected AES, the mode 5 IV, and the route index. */
import { describe, expect, it } from 'vitest';
import { nodeAes } from '../../../electron/services/mbus/nodeAes';
import { aesCmac, hexBytes, mode5Iv, radioRouteIndex, toHex } from '../../../shared/mbus';

const key = hexBytes('2b7e1516 28aed2a6 abf71588 09cf4f3c');
const message = hexBytes(
  '6bc1bee2 2e409f96 e93d7e11 7393172a ae2d8a57 1e03ac9c 9eb76fac 45af8e51 30c81c46 a35ce411 e5fbc119 1a0a52ef f69f2445 df4f9b17 ad2b417b e66c3710',
);

describe('AES-CMAC (RFC 4493 §4)', () => {
  it.each([
    [0, 'BB1D6929E95937287FA37D129B756746'],
    [16, '070A16B46B4D4144F79BDD9DD04A287C'],
    [40, 'DFA66747DE9AE63030CA32611497C827'],
    [64, '51F0BEBF7E3B9D92FC49741779363CFE'],
  ])('CMAC of the first %i bytes', (length, mac) => {
    expect(toHex(aesCmac(nodeAes, key, message.subarray(0, length)))).toBe(mac);
  });
});

describe('mode 5 IV (OMS Vol.2 §9.4.1)', () => {
  it('is M ‖ A ‖ access number × 8', () => {
    expect(toHex(mode5Iv(hexBytes('9315 7856341233 03'), 0x2a))).toBe('93157856341233032A2A2A2A2A2A2A2A');
  });
});

describe('radio route index', () => {
  it('matches a telegram to its stop by manufacturer and id, and reports a meter listed twice', () => {
    const stops = Array.from({ length: 1000 }, (_, i) => ({
      manufacturer: i % 2 ? 'KAM' : 'ELS',
      id: String(i).padStart(8, '0'),
      stop: i,
    }));
    const index = radioRouteIndex([...stops, { manufacturer: 'kam', id: '999', stop: -1 }, { manufacturer: 'KAM', id: '12-34', stop: -2 }]);
    expect(index.size).toBe(1000);
    expect(index.match('KAM', '00000999')?.stop).toBe(999);
    expect(index.match('ELS', '00000999')).toBeUndefined();
    expect(index.match(null, '00000999')).toBeUndefined();
    expect(index.duplicates.map((d) => d.stop)).toEqual([-1]);
    expect(index.unmatchable.map((d) => d.stop)).toEqual([-2]);
  });
});
