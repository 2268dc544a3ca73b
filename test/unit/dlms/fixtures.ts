/** Published DLMS/COSEM test vectors and captures, each with where it comes from. */
import { hexToBytes } from '../../../shared/dlms';

export const hex = (text: string): Uint8Array => {
  const bytes = hexToBytes(text);
  if (!bytes) throw new Error(`not hex: ${text.slice(0, 20)}`);
  return bytes;
};

/**
 * DLMS UA Green Book (DLMS UA 1000-2 Ed. 7), Table 40 "Example: glo-get-request xDLMS APDU"
 * (GET of Clock 0-0:1.0.0.255 attribute 2), reproduced in the dlms-cosem package's tests
 * (github.com/pwitab/dlms-cosem, tests/test_security.py) and jDLMS's CoderXDlmsApdu tests.
 */
export const greenBook = {
  systemTitle: hex('4D4D4D0000BC614E'),
  encryptionKey: hex('000102030405060708090A0B0C0D0E0F'),
  authenticationKey: hex('D0D1D2D3D4D5D6D7D8D9DADBDCDDDEDF'),
  invocationCounter: 0x01234567,
  plain: hex('C0010000080000010000FF0200'),
  authenticatedOnly: hex('C81E1001234567C0010000080000010000FF020006725D910F9221D263877516'),
  encryptedOnly: hex('C8122001234567411312FF935A47566827C467BC'),
  authenticatedEncrypted: hex('C81E3001234567411312FF935A47566827C467BC7D825C3BE4A77C3FCC056B6B'),
};

/**
 * A Norwegian HAN push of a Kamstrup meter (list 2, firmware of 2017), captured 2017-10-20
 * 04:43:32 and published in github.com/roarfred/AmsToMqttBridge, Samples/Kamstrup/README.md:
 * an HDLC UI frame with a data-notification of OBIS/value pairs (1-1:1.7.0.255 = 1468 W).
 */
export const kamstrupHanPush = hex(`
7E A0 E3 2B 21 13 98 86 E6 E7 00 0F 00 00 00 00 09 0C 07 E1 0A 14 05 03 2B 1E FF 80 00 00 02 19 0A 0E 4B 61 6D 73 74
72 75 70 5F 56 30 30 30 31 09 06 01 01 00 00 05 FF 0A 10 35 37 30 36 35 36 37 32 37 34 33 38 39 37 30 32 09 06 01 01
60 01 01 FF 0A 12 36 38 34 31 31 32 31 42 4E 32 34 33 31 30 31 30 34 30 09 06 01 01 01 07 00 FF 06 00 00 05 BC 09 06
01 01 02 07 00 FF 06 00 00 00 00 09 06 01 01 03 07 00 FF 06 00 00 00 00 09 06 01 01 04 07 00 FF 06 00 00 01 CE 09 06
01 01 1F 07 00 FF 06 00 00 02 34 09 06 01 01 33 07 00 FF 06 00 00 00 CA 09 06 01 01 47 07 00 FF 06 00 00 01 FF 09 06
01 01 20 07 00 FF 12 00 E8 09 06 01 01 34 07 00 FF 12 00 E4 09 06 01 01 48 07 00 FF 12 00 E9 A1 A5 7E`);

/** The SNRM (client 16 → server 1, no parameters) of the Gurux DLMS libraries' examples and tests (Gurux.DLMS Go, types Test_Hex): `7E A0 07 03 21 93 0F 01 7E`. */
export const guruxSnrm = hex('7E A0 07 03 21 93 0F 01 7E');
