/**
 * Barcode and QR images made independently of the decoder under test: bwip-js (Barcode Writer in
 * Pure PostScript) gives the modules, drawn here as black on white with a quiet zone, as a label
 * printer would. The same pixels go to the unit tests (as ImageData), the bench and the camera
 * of the E2E test (as a Y4M video for Chromium's fake capture).
 */
import bwipjs from 'bwip-js/node';

/** bwip-js symbol names of what the scanner reads (issue 24 §1). */
export type SymbolKind = 'code128' | 'code39' | 'ean13' | 'ean8' | 'datamatrix' | 'qrcode';

export interface GrayImage {
  readonly width: number;
  readonly height: number;
  /** One byte per pixel, 0 black … 255 white. */
  readonly gray: Uint8Array;
}

type Linear = { sbs: number[] };
type Matrix = { pixs: number[]; pixx: number; pixy: number };

/** The symbol at `module` pixels per module, with a quiet zone of 10 modules (ISO/IEC 15417 asks ≥ 10 for Code 128). */
export function symbolImage(kind: SymbolKind, text: string, module = 4): GrayImage {
  const [symbol] = bwipjs.raw(kind, text, {}) as unknown as Array<Linear | Matrix>;
  if (!symbol) throw new Error(`bwip-js made no ${kind} symbol`);
  const quiet = 10 * module;
  if ('sbs' in symbol) {
    const modules = symbol.sbs.reduce((a, b) => a + b, 0);
    const width = modules * module + 2 * quiet;
    const height = Math.max(60, Math.round(width * 0.3)) + 2 * quiet;
    const gray = new Uint8Array(width * height).fill(255);
    let x = quiet;
    symbol.sbs.forEach((w, i) => {
      // Bars and spaces alternate, starting with a bar.
      if (i % 2 === 0) for (let y = quiet; y < height - quiet; y += 1) gray.fill(0, y * width + x, y * width + x + w * module);
      x += w * module;
    });
    return { width, height, gray };
  }
  const width = symbol.pixx * module + 2 * quiet;
  const height = symbol.pixy * module + 2 * quiet;
  const gray = new Uint8Array(width * height).fill(255);
  for (let my = 0; my < symbol.pixy; my += 1) {
    for (let mx = 0; mx < symbol.pixx; mx += 1) {
      if (!symbol.pixs[my * symbol.pixx + mx]) continue;
      for (let y = 0; y < module; y += 1) {
        const row = (quiet + my * module + y) * width + quiet + mx * module;
        gray.fill(0, row, row + module);
      }
    }
  }
  return { width, height, gray };
}

/** The image centred on a white canvas of the given size (a frame of the camera, a plate on the wall). */
export function onCanvas(image: GrayImage, width: number, height: number): GrayImage {
  const gray = new Uint8Array(width * height).fill(255);
  const left = Math.max(0, Math.floor((width - image.width) / 2));
  const top = Math.max(0, Math.floor((height - image.height) / 2));
  for (let y = 0; y < Math.min(image.height, height); y += 1) {
    gray.set(image.gray.subarray(y * image.width, y * image.width + Math.min(image.width, width)), (top + y) * width + left);
  }
  return { width, height, gray };
}

/** RGBA pixels as a canvas's ImageData holds them (what the decoder gets from a camera frame). */
export function toImageData(image: GrayImage): { width: number; height: number; data: Uint8ClampedArray } {
  const data = new Uint8ClampedArray(image.width * image.height * 4);
  for (let i = 0; i < image.gray.length; i += 1) {
    const v = image.gray[i] ?? 255;
    data[i * 4] = v;
    data[i * 4 + 1] = v;
    data[i * 4 + 2] = v;
    data[i * 4 + 3] = 255;
  }
  return { width: image.width, height: image.height, data };
}

/**
 * A still video in YUV4MPEG2 (the format of Chromium's --use-file-for-fake-video-capture): 4:2:0,
 * luma from the image, chroma neutral (128). Width and height must be even.
 */
export function toY4m(image: GrayImage, frames = 2): Buffer {
  if (image.width % 2 || image.height % 2) throw new Error('Y4M 4:2:0 needs an even width and height');
  const header = Buffer.from(`YUV4MPEG2 W${image.width} H${image.height} F10:1 Ip A1:1 C420jpeg\n`);
  const chroma = Buffer.alloc((image.width / 2) * (image.height / 2) * 2, 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), Buffer.from(image.gray), chroma]);
  return Buffer.concat([header, ...Array.from({ length: frames }, () => frame)]);
}
