/**
 * The decoder's WebAssembly from our own build output (Vite emits it under assets/ with a
 * content hash), never from a CDN: scanning works offline and the CSP stays 'self'.
 */
import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';
import { prepareDecoder } from './barcodeDecoder';

let prepared = false;

export function prepareLocalDecoder(): void {
  if (prepared) return;
  prepared = true;
  prepareDecoder({ url: new URL(wasmUrl, document.baseURI).href });
}
