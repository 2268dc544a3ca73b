/**
 * Every name the meter side can supply has words in both languages (issue 16 §3), each list taken
 * from the decoders' own tables, so a new code without words fails here: the quantities the VIF
 * tables (EN 13757-3:2018 Tables 10, 12, 14) and the record reader can produce, the DIF functions,
 * the device types, the security modes, the DLMS classes this app names (DLMS UA 1000-1) and the
 * DLMS reasons. The M-Bus reasons and the coded errors' reasons (listen.*, wired.*, han.* …) are
 * checked in errorDetails.test.ts and mbus/reasonText.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { dlmsReasons } from '../../shared/dlms/errors';
import { className, knownClassIds } from '../../shared/dlms/objectList';
import { wordsAt } from '../../shared/i18n/errorKey';
import { errorWordsDe } from '../../shared/i18n/errorWords.de';
import { errorWordsEn } from '../../shared/i18n/errorWords.en';
import { knownName, meterNamesDe, meterNamesEn, securityName } from '../../shared/i18n/meterNames';
import { deviceTypeOf, deviceTypes } from '../../shared/mbus/identity';
import { readRecords, recordFunctions } from '../../shared/mbus/records';
import { extensionFb, extensionFd, primaryVif } from '../../shared/mbus/vif';

const languages = [
  ['en', meterNamesEn],
  ['de', meterNamesDe],
] as const;

/** Every VIF code of each table (the extension bit masked off, as the record reader does). */
const vifCodes = Array.from({ length: 0x80 }, (_, code) => code);

/** The quantity the record reader gives a one-record block with this VIB (a 1-byte integer after it). */
const quantityOfVib = (...vib: number[]) => readRecords(Uint8Array.from([0x01, ...vib, 0x00]), 0).records[0]?.quantity;

const quantities = [
  ...new Set([
    ...vifCodes.flatMap((code) => [primaryVif(code), extensionFd(code), extensionFb(code)].map((info) => info.quantity)),
    // Read by the record reader itself: a manufacturer-specific VIF, and a plain-text unit ("A").
    quantityOfVib(0x7f),
    quantityOfVib(0x7c, 0x01, 0x41),
  ]),
].filter((quantity): quantity is string => quantity !== undefined);

describe('names the meter side supplies', () => {
  it('the lists come from the decoders (so this test can see a new code)', () => {
    expect(quantities).toContain('manufacturerSpecific');
    expect(quantities).toContain('plainTextUnit');
    expect(quantities.length).toBeGreaterThan(40);
    expect(deviceTypes).toContain(deviceTypeOf(0x07));
    expect(knownClassIds.every((id) => className(id) !== null)).toBe(true);
  });

  it.each(languages)('every quantity of the VIF tables has words in %s', (_language, names) => {
    expect(quantities.filter((q) => !knownName(names.mbusQuantity, q))).toEqual([]);
  });

  it.each(languages)('every function, device type and DLMS class has words in %s', (_language, names) => {
    expect(recordFunctions.filter((f) => !knownName(names.mbusFunction, f))).toEqual([]);
    expect(deviceTypes.filter((d) => !knownName(names.mbusDevice, d))).toEqual([]);
    expect(knownClassIds.filter((id) => !knownName(names.dlmsClass, id))).toEqual([]);
  });

  it.each(languages)('every security mode a telegram can name is said in words in %s', (_language, names) => {
    // The TPL security mode is a 5-bit field (EN 13757-7 §7.2, OMS Vol.2 §7.2.4.3); ELL alone is 'ell'.
    const encryptions = ['ell', ...Array.from({ length: 31 }, (_, n) => `mode${n + 1}`)];
    expect(encryptions.filter((e) => /^(ell|mode\d+)$/.test(securityName(names, e)))).toEqual([]);
    expect(securityName(names, 'mode13')).toContain('13');
  });

  it('no German name is left empty, none is the English identifier where German has its own word', () => {
    for (const table of ['dlmsClass', 'mbusQuantity', 'mbusFunction', 'mbusDevice'] as const) {
      for (const [code, words] of Object.entries(meterNamesDe[table])) {
        expect(words.trim(), `${table}.${code}`).not.toBe('');
        expect(words, `${table}.${code}`).not.toBe(code);
      }
    }
  });

  it.each(['en', 'de'] as const)('every DLMS reason has words in the %s error catalog', (language) => {
    const words = language === 'en' ? errorWordsEn : errorWordsDe;
    expect(dlmsReasons.filter((reason) => !wordsAt(words, `reason.${reason}`))).toEqual([]);
  });
});
