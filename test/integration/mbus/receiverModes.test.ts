/**
 * The iM871A in each radio mode over a real PTY pair (socat): the app sends DEVMGMT_MSG_SET_CONFIG_REQ
 * with the mode's link mode byte (WMBUS-HCI: S1 0x00, T1 0x03, C1 format A 0x06, C1 format B 0x07),
 * the simulated stick confirms it as the stick does (SET_CONFIG_RSP, status 0) and, set to the
 * meters' mode, hands over their telegrams (RADIOLINK WMBUSMSG_IND, without CRCs); each decodes.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openReceiver, runReceiverSimulator, type RunningSimulator } from '../../../electron/services/mbus/receiverOnPort';
import { trainingRadioMeters } from '../../../electron/services/mbus/trainingRadio';
import { startPtyPair, type PtyPair } from '../../../electron/services/serial/simulator';
import type { SerialLink } from '../../../electron/services/serial/link';
import { decodeTelegram, ImstStream, imstTelegram, radioModes, type RadioMode } from '../../../shared/mbus';
import { useTempDir } from '../../support/tempDir';
import { scaled } from '../../support/timeouts';
import { socatSkipReason } from '../serial/ptyHarness';

describe.skipIf(socatSkipReason !== null)(`the iM871A in each radio mode${socatSkipReason ? ` — SKIPPED: ${socatSkipReason}` : ''}`, () => {
  const tempDir = useTempDir();
  let pair: PtyPair | undefined;
  let stick: RunningSimulator | undefined;
  let link: SerialLink | undefined;
  afterEach(async () => {
    await link?.close();
    await stick?.stop();
    await pair?.stop();
    pair = stick = link = undefined;
  });

  /** The first telegram of the unencrypted training meter (ITW 30000042) heard in `mode`. */
  async function hearIn(mode: RadioMode) {
    const dir = tempDir();
    pair = await startPtyPair(join(dir, 'app'), join(dir, 'stick'));
    stick = await runReceiverSimulator(pair.meterPath, trainingRadioMeters, {
      receiver: 'im871a',
      seed: 3,
      intervalMs: 1000,
      lossRate: 0,
      burst: true,
      meterMode: mode,
    });
    // Resolves only once the stick confirmed the mode (a refusal or silence rejects).
    link = await openReceiver(pair.appPath, 'im871a', mode);
    const stream = new ImstStream();
    return new Promise<ReturnType<typeof decodeTelegram>>((resolve) => {
      link!.onData((bytes) => {
        for (const telegram of stream.feed(bytes).frames.flatMap((f) => imstTelegram(f) ?? [])) {
          const result = decodeTelegram(telegram);
          if (result.ok && result.telegram.manufacturer === 'ITW') resolve(result);
        }
      });
    });
  }

  for (const mode of radioModes)
    it(
      `${mode}: set, confirmed, and the meters sending ${mode} are heard and decoded`,
      async () => {
        const heard = await hearIn(mode);
        expect(heard.ok && heard.telegram.id).toBe('30000042');
        expect(heard.ok && heard.telegram.records.find((r) => r.quantity === 'volume')?.value).toBe('19.999');
      },
      scaled(30_000),
    );
});
