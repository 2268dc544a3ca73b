/**
 * The wired M-Bus meters the simulator puts on its bus (issue 23 §6): real answers of real meters,
 * the RSP_UD frames published with libmbus (github.com/rscada/libmbus, test/test-frames):
 * EFE_Engelmann-WaterStar.hex (warm water, id 04990254), ACW_Itron-CYBLE-M-Bus-14.hex (water,
 * id 09011523) and ELS_Elster-F96-Plus.hex (heat, id 44493951). Each answers at its own primary
 * address; the simulator writes that address into the frame.
 */
import { hexBytes, type WiredMeterProfile } from '../../../shared/mbus';

export const libmbusFrames = {
  waterStar:
    '68 51 51 68 08 0B 72 54 02 99 04 C5 14 00 06 0C 27 00 00 04 78 2E 25 4C 00 04 6D 0A 0C CD 13 04 13 4C 01 00 00 44 13 4B 01 00 00 84 01 13 4C 01 00 00 42 6C BF 1C 02 6C DF 1C 04 3B 00 00 00 00 14 3B 16 08 00 00 02 23 A7 04 01 FD 17 00 04 90 28 08 00 00 00 3F 16',
  cyble:
    '68 56 56 68 08 01 72 23 15 01 09 77 04 14 07 25 00 00 00 0C 78 23 15 01 09 0D 7C 08 44 49 20 2E 74 73 75 63 0A 35 35 37 36 37 30 41 4C 39 30 04 6D 1A 0E CD 13 02 7C 09 65 6D 69 74 20 2E 74 61 62 D4 09 04 13 1F 00 00 00 04 93 7F 00 00 00 00 44 13 1F 00 00 00 0F 00 01 1F A9 16',
  f96Plus:
    '68 68 68 68 08 00 72 51 39 49 44 93 15 2F 04 A1 70 00 00 0C 06 00 00 00 00 8C 10 06 00 00 00 00 8C 20 13 00 00 00 00 0C 13 00 00 00 00 3C 2B BD EB DD DD 3B 3B BD EB DD 0A 5A 27 02 0A 5E 26 02 0A 62 01 00 0A 27 30 07 04 6D 09 0D CD 13 4C 06 00 00 00 00 4C 13 00 00 00 00 CC 10 06 00 00 00 00 CC 20 13 00 00 00 00 42 6C BF 15 40 16',
} as const;

/** Primary addresses 1, 2 and 5 (3 and 4 stay silent, as on a real bus with gaps). */
export const trainingWiredMeters: readonly WiredMeterProfile[] = [
  { primary: 1, telegrams: [hexBytes(libmbusFrames.waterStar)] },
  { primary: 2, telegrams: [hexBytes(libmbusFrames.cyble)] },
  { primary: 5, telegrams: [hexBytes(libmbusFrames.f96Plus)] },
];
