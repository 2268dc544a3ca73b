/**
 * `fieldmeter simulate dlms-meter --push N` (issue 22 item 6): the simulated meter's HAN/P1 port,
 * pushing its values every N seconds, ciphered with the given keys, until Ctrl+C. Keys given as
 * arguments are for training and tests; the environment keeps them out of `ps`.
 */
import { AppError } from '../../shared/contract/appError';
import { cliWords, fill } from './language';
import type { CliIo } from './program';

export interface PushCliOptions {
  push?: string;
  key?: string;
  authKey?: string;
  systemTitle: string;
  framing: string;
  baud: string;
  serial: string;
  link: string;
  json?: boolean;
}

const BAUDS = [2400, 9600, 19200, 38400, 115200];

function hexOption(value: string | undefined, flag: string, length: number): Uint8Array | null {
  if (value === undefined || value === '') return null;
  const clean = value.replace(/\s+/g, '');
  if (!new RegExp(`^[0-9a-fA-F]{${length * 2}}$`).test(clean))
    throw new AppError('BAD_REQUEST', `${flag} must be ${length * 2} hex digits`, { reason: 'option', option: flag });
  return Uint8Array.from(Buffer.from(clean, 'hex'));
}

export async function runPushSimulator(io: CliIo, options: PushCliOptions): Promise<void> {
  const seconds = Number(options.push);
  if (!Number.isFinite(seconds) || seconds < 0.1 || seconds > 3600)
    throw new AppError('BAD_REQUEST', '--push must be 0.1 to 3600 seconds', { reason: 'option', option: '--push' });
  const baud = Number(options.baud);
  if (!BAUDS.includes(baud))
    throw new AppError('BAD_REQUEST', `--baud must be one of ${BAUDS.join(', ')}`, { reason: 'option', option: '--baud' });
  if (options.framing !== 'hdlc' && options.framing !== 'mbus')
    throw new AppError('BAD_REQUEST', '--framing must be hdlc or mbus', { reason: 'option', option: '--framing' });
  const encryptionKey = hexOption(options.key ?? process.env.FIELDMETER_DLMS_KEY, '--key', 16);
  const authenticationKey = hexOption(options.authKey ?? process.env.FIELDMETER_DLMS_AUTH_KEY, '--auth-key', 16);
  const systemTitle = hexOption(options.systemTitle, '--system-title', 8);
  if (!systemTitle)
    throw new AppError('BAD_REQUEST', '--system-title must be 16 hex digits', { reason: 'option', option: '--system-title' });
  const [{ runHanPushPort }, { nodeAesGcm }] = await Promise.all([
    import('../services/serial/simulator/hanPushPort'),
    import('../services/dlms/aesGcm'),
  ]);
  const running = await runHanPushPort(options.link, {
    gcm: nodeAesGcm,
    encryptionKey: encryptionKey ?? new Uint8Array(16),
    authenticationKey,
    plain: encryptionKey === null,
    systemTitle,
    serial: options.serial,
    framing: options.framing,
    intervalMs: seconds * 1000,
    baud,
  });
  const info = {
    appPath: running.appPath,
    meterPath: running.meterPath,
    startedSocat: running.startedSocat,
    socatPid: running.socatPid,
    serial: options.serial,
    systemTitle: Buffer.from(systemTitle).toString('hex').toUpperCase(),
    framing: options.framing,
    baud,
    everySeconds: seconds,
    ciphered: encryptionKey !== null,
  };
  io.out(
    options.json
      ? JSON.stringify(info, null, 2)
      : fill(cliWords().dlms.simulatedPush, {
          serial: options.serial,
          seconds,
          framing: options.framing,
          baud,
          ciphering: encryptionKey ? cliWords().dlms.ciphered : cliWords().dlms.plain,
          path: running.appPath,
        }),
  );
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await running.stop();
}
