/**
 * The scanner's decoder (zxing-wasm, the same module the app loads) on symbols drawn from
 * bwip-js, independently of the decoder: each symbology of serial plates, seals and PAN labels.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeImage, prepareDecoder } from '../../renderer/src/lib/barcodeDecoder';
import { parseInstallCodeLabel } from '../../shared/domain/installCodeLabel';
import { onCanvas, symbolImage, toImageData, type SymbolKind } from '../support/symbols';

beforeAll(() => {
  const wasm = readFileSync(createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm'));
  prepareDecoder({ bytes: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) });
});

describe('barcode decoder', () => {
  it.each([
    ['code128', 'FM-2024-000123', 'Code128'],
    ['code39', 'EMH04711', 'Code39'],
    ['ean13', '4006381333931', 'EAN13'],
    ['ean8', '96385074', 'EAN8'],
    ['datamatrix', 'SEAL-004711', 'DataMatrix'],
    ['qrcode', '1ESY1160123456', 'QRCode'],
  ] as const)('reads a generated %s of %s from a camera-sized frame', async (kind: SymbolKind, text, format) => {
    const frame = onCanvas(symbolImage(kind, text, 3), 640, 480);
    await expect(decodeImage(toImageData(frame))).resolves.toEqual({ text, format });
  });

  it('finds nothing in a blank frame', async () => {
    await expect(decodeImage(toImageData(onCanvas({ width: 1, height: 1, gray: new Uint8Array([255]) }, 320, 240)))).resolves.toBeNull();
  });

  it('reads a PAN label QR into the EUI-64 and install code', async () => {
    const label = 'Z:0022A30000000A11$I:83FED3407A939723A5C639B26916D505C3B5%G$M:IHD-7';
    const scanned = await decodeImage(toImageData(onCanvas(symbolImage('qrcode', label, 4), 640, 480)));
    expect(parseInstallCodeLabel(scanned?.text ?? '')).toMatchObject({
      eui64: '0022A30000000A11',
      installCode: '83FED3407A939723A5C639B26916D505C3B5',
    });
  });
});
