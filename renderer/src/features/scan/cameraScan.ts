/**
 * The camera loop of a scan: open the rear camera, grab a frame into a canvas, decode it, and
 * again until a code is found or the scan is stopped. One frame is decoded at a time, so a slow
 * device drops frames instead of queueing them.
 */
import { decodeImage, type ScannedCode } from '../../lib/barcodeDecoder';
import { prepareLocalDecoder } from '../../lib/zxingWasm';

/** Why a scan could not run; each has its text in scan.error.* */
export type ScanFailure = 'noCamera' | 'denied' | 'busy' | 'failed';

export function failureOf(error: unknown): ScanFailure {
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'denied';
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return 'noCamera';
  if (name === 'NotReadableError' || name === 'AbortError') return 'busy';
  return 'failed';
}

export async function openCamera(): Promise<MediaStream> {
  if (!navigator.mediaDevices?.getUserMedia) throw new DOMException('no camera API', 'NotFoundError');
  // The rear camera where there is one (a plate is in front of the device, not the user).
  return navigator.mediaDevices.getUserMedia({
    audio: false,
    video: { facingMode: { ideal: 'environment' }, width: { ideal: 1280 }, height: { ideal: 720 } },
  });
}

export interface ScanLoop {
  stop(): void;
}

/** Decodes frames of the playing video until a code is found (onFound) or stop() is called. */
export function scanVideo(
  video: HTMLVideoElement,
  onFound: (code: ScannedCode) => void,
  onError: (failure: ScanFailure) => void,
): ScanLoop {
  prepareLocalDecoder();
  let running = true;
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d', { willReadFrequently: true });
  const next = () => {
    if (running) requestAnimationFrame(() => void frame());
  };
  const frame = async () => {
    if (!running || !context) return;
    const { videoWidth: w, videoHeight: h } = video;
    if (w === 0 || h === 0) return next();
    canvas.width = w;
    canvas.height = h;
    context.drawImage(video, 0, 0, w, h);
    try {
      const code = await decodeImage(context.getImageData(0, 0, w, h));
      if (code && running) {
        running = false;
        onFound(code);
        return;
      }
    } catch {
      running = false;
      onError('failed');
      return;
    }
    next();
  };
  next();
  return { stop: () => (running = false) };
}
