/**
 * Barcodes and QR codes of serial plates, seals and PAN labels, read with ZXing-C++ compiled to
 * WebAssembly (zxing-wasm). The .wasm is served by our own host next to the app (see
 * zxingWasm.ts): a crew without a network can still scan, and the CSP never opens to a CDN.
 */
import { prepareZXingModule, readBarcodes, type ReaderOptions } from 'zxing-wasm/reader';

/** What meter plates and seals carry (issue 24 §1): Code 128, Code 39, EAN-13/8, Data Matrix, QR. */
export const scanFormats = ['Code128', 'Code39', 'EAN13', 'EAN8', 'DataMatrix', 'QRCode'] as const;
export type ScanFormat = (typeof scanFormats)[number];

export interface ScannedCode {
  readonly text: string;
  readonly format: string;
}

const readerOptions = {
  formats: [...scanFormats],
  // A camera frame holds one label; the first valid code ends the scan.
  maxNumberOfSymbols: 1,
  tryHarder: true,
  tryRotate: true,
  tryInvert: false,
} as const satisfies ReaderOptions;

/** Where the decoder's .wasm comes from: a URL of our own origin (app) or its bytes (Node, bench). */
export type WasmSource = { readonly url: string } | { readonly bytes: ArrayBuffer };

export function prepareDecoder(source: WasmSource): void {
  prepareZXingModule({
    overrides:
      'url' in source
        ? { locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? source.url : prefix + path) }
        : { wasmBinary: source.bytes },
  });
}

/** RGBA pixels as a canvas's ImageData holds them (structural: the Node tests and bench pass the same shape). */
export interface Pixels {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8ClampedArray;
}

/** The first code of an allowed format in a camera frame or image file; null when there is none (yet). */
export async function decodeImage(image: Pixels | Uint8Array | ArrayBuffer): Promise<ScannedCode | null> {
  const results = await readBarcodes(image as Parameters<typeof readBarcodes>[0], readerOptions);
  const found = results.find((r) => r.isValid && r.text.length > 0);
  return found ? { text: found.text, format: found.format } : null;
}
