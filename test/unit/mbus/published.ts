/**
 * Published telegrams and the keys that go with them, each with where it comes from.
 *
 * OMS: Open Metering System Specification Vol.2 (Issue 4.1.2 / 5.0.1) Annex N, worked examples;
 * the hex as reprinted in lvogt/wireless-mbus-parser test/legacy.spec.ts ("OMS Examples"), whose
 * snapshot test/__snapshots__/legacy.spec.ts.snap lists the decoded values.
 * jmbus: the test telegrams of the jmbus library (OpenMUC), reprinted in the same file ("JMBus Test Case").
 * libmbus: rscada/libmbus test/test-frames/EFE_Engelmann-WaterStar.hex with its .norm.xml.
 * wmbusmeters: the test telegrams at the end of its drivers (src/driver_*.cc), printed with the
 * decrypted records after the "_"; only those records are kept here (the key is not published).
 */
export const published = {
  /** OMS Vol.2 Annex N.2.1: wM-Bus gas meter, security profile A (mode 5), frame format A with CRCs. */
  omsMode5: {
    hex: '2E44931578563412330333637A2A0020255923C95AAA26D1B2E7493BC2AD013EC4A6F6D3529B520EDFF0EA6DEFC955B29D6D69EBF3EC8A',
    key: '0102030405060708090A0B0C0D0E0F11',
  },
  /** OMS Vol.2 Annex N.2.2: the same meter with integrated radio, security profile B (mode 7, AFL with CMAC). */
  omsMode7: {
    hex: '434493157856341233037AC98C2075900F002C25B30A000021924D4FBA372FB66E017A75002007109058475F4BC9D1281DF878B80A1B0F98B629024AAC7279429398BFC549233C0140829B93BAA1',
    key: '000102030405060708090A0B0C0D0E0F',
  },
  /** OMS Vol.2 Annex N.2.3: the meter behind a radio adapter (ELL CI 0x8E, long TPL header), mode 7. */
  omsAdapterMode7: {
    hex: '53082448443322110337D0468E80753A63665544330A31900F002C25E00AB30A0000AF5D74DF73A600D972785634C027129315330375002007109058475F4BC955CF1DF878B80A1B0F98B629024AAC7279429398BFC549233C0140829B93BAA1',
    key: '000102030405060708090A0B0C0D0E0F',
  },
  /** OMS Vol.2 Annex N: heat cost allocator with one encrypted block and an unencrypted rest (mode 5, N = 1). */
  omsPartial: {
    hex: '2D44934444332211553769EF7288776655934455080004100500DFE227F9A782146D1513581CD2F83F39040CFD1040C4785634128134',
    key: '000102030405060708090A0B0C0D0E0F',
  },
  /** OMS Vol.2 Annex N: frame format B with its CRC, ELL CI 0x8C, no TPL header (CI 0x78). */
  omsFormatB: { hex: '1444AE0C7856341201078C2027780B134365877AC5' },
  /** The same without the CRC (L rewritten by the receiver). */
  omsFormatBStripped: { hex: '1244AE0C7856341201078C2027780B13436587' },
  /** jmbus "Decode negative temperature": Landis+Gyr heat meter, unencrypted, short header. */
  jmbusNegativeTemperature: { hex: '2C44A7320613996707047A821000202F2F0C06000000000C14000000000C22224101000B5A4102000B5E4000F0' },
  /** jmbus "WMBus Demo Message Test #3": Zenner water meter, long header, mode 5. */
  jmbusZennerMode5: {
    hex: '3644496A0228004401377232597049496A01073500202518AC74B56F3119F53981507265B808AF7D423C429550112536BDD6F25BBB63D9',
    key: 'A1A1A1A1A1A1A1A1A1A1A1A1A1A1A1A1',
  },
  /** jmbus "Decryption Test - Good Key": Kamstrup cold-water meter, ELL (CI 0x8D) encrypted with AES-CTR. */
  jmbusKamstrupEll: {
    hex: '24442D2C692845631B168D3050209CD621B006B1140AEF4953AE5B86FAFC0B00E70705B846',
    key: '4E5508544202058100DFEFA06B0934A5',
  },
  /** jmbus "WMBus Demo Message Test #1": unencrypted despite a key, dates F and G, an error-state date. */
  jmbusDemo1: { hex: '2C446532821851582C067AE1000000046D1906D9180C1334120000426CBF1C4C1300000000326CFFFF01FD7300' },
  /** libmbus EFE_Engelmann-WaterStar.hex: a wired RSP_UD long frame. */
  libmbusWaterStar: {
    hex: '68 51 51 68 08 0B 72 54 02 99 04 C5 14 00 06 0C 27 00 00 04 78 2E 25 4C 00 04 6D 0A 0C CD 13 04 13 4C 01 00 00 44 13 4B 01 00 00 84 01 13 4C 01 00 00 42 6C BF 1C 02 6C DF 1C 04 3B 00 00 00 00 14 3B 16 08 00 00 02 23 A7 04 01 FD 17 00 04 90 28 08 00 00 00 3F 16',
  },
  /**
   * wmbusmeters src/driver_waterstarm.cc "Water waterstarm 22996221" (DWZ, warm water, status 0x04),
   * the records after "_": 0.106 m³, error flags (FD 17) 0x0040 — printed "LEAKAGE_OR_NO_USAGE POWER_LOW".
   */
  waterstarmPowerLowRecords: { hex: '046D282A9E2704136A00000002FD17400004933C000000002F2F2F2F2F2F03FD0C08000002FD0B0011' },
  /**
   * wmbusmeters src/driver_multical21.cc "MyTapWater multical21 76348799" (KAM, cold water), the
   * records after "_": info codes (FF 20) 0x0071 — printed "DRY", dry for 22–31 days —, 6.408 m³.
   */
  multical21DryRecords: { hex: '02FF207100041308190000441308190000615B7F616713' },
  /**
   * wmbusmeters src/driver_ei6500.cc "Smokey ei6500 01097274" (EIE, version 0x0C, smoke detector,
   * unencrypted), its fourth test telegram, whole and without CRCs: head status (84 40 FF 2C)
   * 0x00110F42 — printed "TAMPER_WHILE_REMOVED" —, removed once on 2022-05-24.
   */
  ei6500TamperWhileRemoved: {
    hex: '58442515747209010C1A7A940000000BFD0F070101046D0007D82502FD17000082206CD825426CD0238440FF2C420F11008250FD61010082506CD8258260FD6101008360FD3101000082606CD8258270FD61020082706CD825',
  },
} as const;
