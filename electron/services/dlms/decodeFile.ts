/**
 * `fieldmeter dlms decode`: a capture file (hex text or raw bytes) through shared/dlms, with the
 * keys given for office use (issue 22 item 7). Keys are used, never printed or logged.
 */
import { readFileSync } from 'node:fs';
import { AppError } from '../../../shared/contract/appError';
import { decodeCapture, hexToBytes, type CaptureResult } from '../../../shared/dlms';
import { nodeAesGcm } from './aesGcm';

export interface DecodeFileOptions {
  readonly key?: string;
  readonly authKey?: string;
  readonly systemTitle?: string;
}

/** Hex text when every byte is a hex digit, white space, `0x`, or a separator; else raw bytes. */
export function captureBytes(content: Uint8Array): Uint8Array {
  const text = new TextDecoder('latin1').decode(content);
  if (/^[\s0-9a-fA-FxX:,-]*$/.test(text)) {
    const hex = hexToBytes(text);
    if (hex && hex.length) return hex;
  }
  return content;
}

function hexOption(value: string | undefined, flag: string, length: number): Uint8Array | null {
  if (value === undefined) return null;
  const bytes = hexToBytes(value);
  if (!bytes || bytes.length !== length)
    throw new AppError('VALIDATION', `${flag} must be ${length * 2} hex digits`, { reason: 'hexInvalid' });
  return bytes;
}

export function decodeCaptureFile(file: string, options: DecodeFileOptions): CaptureResult {
  let content: Uint8Array;
  try {
    content = new Uint8Array(readFileSync(file));
  } catch (error) {
    throw new AppError('NOT_FOUND', `Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, {
      reason: 'fileUnreadable',
      file,
      errno: (error as NodeJS.ErrnoException).code,
    });
  }
  return decodeCapture(captureBytes(content), {
    gcm: nodeAesGcm,
    encryptionKey: hexOption(options.key, '--key', 16),
    authenticationKey: hexOption(options.authKey, '--auth-key', 16),
    systemTitle: hexOption(options.systemTitle, '--system-title', 8),
  });
}

/** Why the exit code is 1, or null: a frame that failed its check, a ciphered APDU not opened, an unreadable APDU. */
export function captureFailure(result: CaptureResult): string | null {
  const badFrames = result.frames.filter((f) => !f.ok);
  if (badFrames.length)
    return `${badFrames.length} of ${result.frames.length} frames failed their check (${[...new Set(badFrames.map((f) => f.reason))].join(', ')})`;
  if (result.reason === 'dlms.decrypt' || result.reason === 'dlms.replay') return 'cannot decrypt: wrong key or altered bytes';
  if (result.reason === 'dlms.no-key') return 'cannot decrypt: the capture is ciphered; give --key (and --auth-key)';
  if (result.reason) return `cannot read the capture (${result.reason})`;
  return null;
}
