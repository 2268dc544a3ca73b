/**
 * Install-code labels as PAN devices print them. Label strings: the formats listed by
 * zigbee-herdsman (src/controller/helpers/installCodes.ts) and its test captures — the Smart
 * Energy string "ZB10SG0D83…9035EAFFFE424793DLKAE3B2…E802" is the capture of a real device label
 * quoted in that project. The install code 83FE D340 … D505 C3B5 is the worked example of
 * Silicon Labs AN1089 §3 (valid CRC).
 */
import { describe, expect, it } from 'vitest';
import { checkEui64, checkInstallCode } from '../../../shared/domain/installCode';
import { parseInstallCodeLabel } from '../../../shared/domain/installCodeLabel';

const CODE = '83FED3407A939723A5C639B26916D505C3B5';
const EUI = '0022A30000000A11';

describe('install-code labels', () => {
  it.each([
    ['zigbee3', `Z:${EUI}$I:${CODE}%G$M:ABC-123`],
    ['zigbee3', `Z:${EUI.toLowerCase()}$I:${CODE.toLowerCase()}%M:FFFE$D:AABBCCDD`],
    ['aqara', `G$M:lumi.switch.n1$A:${EUI}$I:${CODE}`],
    ['hue', `HUE:Z:${CODE} M:${EUI} D:2023`],
    ['pipe', `${EUI}|${CODE}`],
    ['text', `EUI64: 0022 A300 0000 0A11\nInstall Code: 83FE D340 7A93 9723 A5C6 39B2 6916 D505 C3B5`],
    ['text', `MAC 00-22-A3-00-00-00-0A-11 / Installation code 83FED3407A939723A5C639B26916D505C3B5`],
    ['text', `${CODE}\n${EUI}`],
  ] as const)('reads the %s label %s', (format, text) => {
    const label = parseInstallCodeLabel(text);
    expect(label).toEqual({ eui64: EUI, installCode: CODE, format });
    // What the parser gives passes the same checks as a typed entry.
    expect(checkEui64(label?.eui64 ?? '').valid).toBe(true);
    expect(checkInstallCode(label?.installCode ?? '').valid).toBe(true);
  });

  it('reads the 95-character Smart Energy label string of a real device', () => {
    const label = parseInstallCodeLabel('ZB10SG0D831018234800400000000000000000009035EAFFFE424793DLKAE3B287281CF11F550733A0CFC38AA31E802');
    expect(label).toEqual({ eui64: '9035EAFFFE424793', installCode: 'AE3B287281CF11F550733A0CFC38AA31E802', format: 'smartEnergy' });
    // Its last four digits are not the CRC-16/X-25 of the code (05BC gives BC05): the label is
    // read, and the same check as typed entry refuses it, as it would a mistyped one.
    expect(checkInstallCode(label?.installCode ?? '')).toMatchObject({ valid: false, crc: 'BC05' });
  });

  it('leaves a mistyped CRC to the install-code check (the label is read, the code refused)', () => {
    const label = parseInstallCodeLabel(`Z:${EUI}$I:${CODE.slice(0, -1)}4`);
    expect(label?.installCode).toBe(`${CODE.slice(0, -1)}4`);
    expect(checkInstallCode(label?.installCode ?? '').valid).toBe(false);
  });

  it.each(['', 'SN 12345678', 'https://example.com/device', `Z:${EUI}`, `${EUI}\n${EUI}`])('finds no label in %j', (text) => {
    expect(parseInstallCodeLabel(text)).toBeNull();
  });
});
