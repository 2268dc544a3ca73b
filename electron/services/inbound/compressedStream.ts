/**
 * Payload/Compressed of an inbound message, streamed: the base64 text arrives in pieces, is decoded
 * four characters at a time, inflated with fflate's synchronous streaming gunzip (node:zlib has no
 * synchronous stream, and the message is applied inside one synchronous SQLite transaction) and
 * the payload document it holds goes through its own hardened tokenizer, piece by piece. Inflation
 * is capped by the tokenizer's size limit: a compressed payload is as dangerous as an entity bomb
 * if it is inflated without one.
 */
import { Gunzip } from 'fflate';
import { StringDecoder } from 'node:string_decoder';
import { defaultXmlStreamLimits, XmlTokenizer, type XmlStreamEvents, type XmlStreamLimits } from '../../../shared/cim/xml/xmlStream';
import { refused } from './context';

const BASE64 = /^[A-Za-z0-9+/=\s]*$/;
/** Base64 characters decoded and inflated at a time (a multiple of 4). */
const SLICE = 16 * 1024;

export interface CompressedPayloadStream {
  text(piece: string): void;
  end(): void;
}

/** `events` receives the inflated payload document (its root is the noun element). */
export function inflateCompressedPayload(
  events: (tokenizer: XmlTokenizer) => XmlStreamEvents,
  limits: XmlStreamLimits = defaultXmlStreamLimits,
): CompressedPayloadStream {
  const tokenizer = new XmlTokenizer(
    { open: (...a) => reader.open(...a), close: (...a) => reader.close(...a), text: (...a) => reader.text(...a) },
    limits,
  );
  const reader = events(tokenizer);
  const decoder = new StringDecoder('utf8');
  let done = false;
  /** An error from the payload's reader or applier passes through as it is; only fflate's own mean "not gzip". */
  let fromPayload: unknown;
  const gunzip = new Gunzip((data, final) => {
    try {
      tokenizer.write(decoder.write(Buffer.from(data.buffer, data.byteOffset, data.byteLength)));
      if (final) {
        done = true;
        tokenizer.write(decoder.end());
        tokenizer.end();
      }
    } catch (error) {
      fromPayload = error;
      throw error;
    }
  });
  let pending = '';
  let bytes = 0;
  const push = (data: Uint8Array, final: boolean) => {
    try {
      gunzip.push(data, final);
    } catch (error) {
      if (error === fromPayload) throw error;
      throw refused('compressedInvalid', { problem: 'notGzip' });
    }
  };
  const inflate = (base64: string) => {
    const data = Buffer.from(base64, 'base64');
    bytes += data.length;
    push(data, false);
  };
  return {
    text(piece) {
      if (!BASE64.test(piece)) throw refused('compressedInvalid', { problem: 'notBase64' });
      pending += piece.replace(/\s+/g, '');
      // Small slices: what one slice inflates to is what is held at once (XML inflates ~25 times).
      let from = 0;
      for (; pending.length - from >= SLICE; from += SLICE) inflate(pending.slice(from, from + SLICE));
      const whole = pending.length - ((pending.length - from) % 4);
      if (whole > from) inflate(pending.slice(from, whole));
      pending = pending.slice(whole);
    },
    end() {
      if (pending.length % 4 !== 0) throw refused('compressedInvalid', { problem: 'notBase64' });
      if (bytes === 0) throw refused('compressedInvalid', { problem: 'empty' });
      push(new Uint8Array(0), true);
      if (!done) throw refused('compressedInvalid', { problem: 'incomplete' });
    },
  };
}
