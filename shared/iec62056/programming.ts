/**
 * Programming mode messages (IEC 62056-21:2002, mode C with option select Y = '1' §6.3.3): the
 * programming command message §6.3.7, the data message in programming mode §6.3.9, ACK §6.3.5,
 * repeat request NAK §6.3.6, error message §6.3.11, break message §6.3.12. Pure bytes, no I/O:
 *
 *   command  SOH C D STX data ETX BCC   (B0 has no data: SOH B 0 ETX BCC)
 *   answers  ACK | NAK | STX data ETX BCC | STX (ERxx) ETX BCC | SOH P0 STX (operand) ETX BCC | SOH B0 ETX BCC
 *
 * The BCC covers every byte after the first SOH or STX up to and including ETX (§6.3, "block
 * check character"). Command identifiers used here (§6.3.14 message elements): P0 operand from the meter,
 * P1 password in clear, P2 password derived from the operand; R1 read, W1 write (ASCII data);
 * E2 execute; B0 break (complete sign-off).
 */
import { ACK, asciiBytes, bcc, concatBytes, ETX, NAK, SOH, STX } from './frames';

export type CommandId = 'P0' | 'P1' | 'P2' | 'R1' | 'W1' | 'E2' | 'B0';

/** `SOH C D STX data ETX BCC` (§6.3.7); the break B0 carries no data block (§6.3.12). */
export function commandMessage(id: CommandId, data = ''): Uint8Array {
  const body =
    id === 'B0' ? asciiBytes(`${id}\x03`) : concatBytes(asciiBytes(id), Uint8Array.of(STX), asciiBytes(data), Uint8Array.of(ETX));
  return concatBytes(Uint8Array.of(SOH), body, Uint8Array.of(bcc(body)));
}

/** R1 `address()`: read one register (a data set with an empty value). */
export const readCommand = (address: string) => commandMessage('R1', `${address}()`);
/** W1 `address(value)`: write one register in ASCII. */
export const writeCommand = (address: string, value: string) => commandMessage('W1', `${address}(${value})`);
/** E2 `address(data)`: execute a function the meter names by address (e.g. a demand reset). */
export const executeCommand = (address: string, data = '') => commandMessage('E2', `${address}(${data})`);
/** P1 `(password)` in clear, or P2 `(derived)` after the meter's P0 operand. */
export const passwordCommand = (kind: 'P1' | 'P2', text: string) => commandMessage(kind, `(${text})`);
/** B0: the meter drops back to 300 baud and idle, no answer (§6.3.12). */
export const breakCommand = () => commandMessage('B0');

export type ProgrammingAnswer =
  | { readonly kind: 'ack' }
  | { readonly kind: 'nak' }
  /** STX data ETX BCC: the answer to R1 (`0.9.1(123456)` or just `(123456)`). */
  | { readonly kind: 'data'; readonly text: string; readonly bccOk: boolean }
  /** STX (ERxx) ETX BCC: the meter refused the command; codes are the vendor's. */
  | { readonly kind: 'error'; readonly code: string; readonly bccOk: boolean }
  /** SOH C D [STX data] ETX BCC from the meter: P0 operand, B0 break — or the echo of our own command. */
  | { readonly kind: 'command'; readonly id: string; readonly data: string; readonly bccOk: boolean };

const MAX_MESSAGE = 1024;

/**
 * Incremental reader of the meter's answers in programming mode: feed it chunks, it returns the
 * complete answers. Bytes outside a message (line noise) are skipped; the parity bit is masked.
 */
export class ProgrammingAnswerReader {
  private buffer: number[] = [];
  /** 'idle' until SOH/STX, 'body' until ETX, 'bcc' for the check character. */
  private state: 'idle' | 'body' | 'bcc' = 'idle';
  private startsWithSoh = false;

  feed(chunk: Uint8Array): ProgrammingAnswer[] {
    const out: ProgrammingAnswer[] = [];
    for (const raw of chunk) {
      const b = raw & 0x7f;
      if (this.state === 'idle') {
        if (b === ACK) out.push({ kind: 'ack' });
        else if (b === NAK) out.push({ kind: 'nak' });
        else if (b === SOH || b === STX) {
          this.state = 'body';
          this.startsWithSoh = b === SOH;
          this.buffer = b === STX ? [STX] : [];
        }
      } else if (this.state === 'body') {
        // A new SOH inside a body means the previous message was cut: start again there.
        if (b === SOH) {
          this.buffer = [];
          this.startsWithSoh = true;
          continue;
        }
        this.buffer.push(b);
        if (b === ETX) this.state = 'bcc';
        else if (this.buffer.length > MAX_MESSAGE) this.state = 'idle';
      } else {
        this.state = 'idle';
        out.push(this.answer(b));
      }
    }
    return out;
  }

  private answer(check: number): ProgrammingAnswer {
    // For STX-first messages the STX itself is not in the BCC; for SOH-first ones STX is.
    const body = this.startsWithSoh ? this.buffer : this.buffer.slice(1);
    let x = 0;
    for (const b of body) x ^= b;
    const bccOk = (x & 0x7f) === check;
    const text = String.fromCharCode(...body.slice(0, -1)); // without ETX
    if (this.startsWithSoh) {
      const stx = text.indexOf('\x02');
      return { kind: 'command', id: text.slice(0, 2), data: stx < 0 ? '' : text.slice(stx + 1), bccOk };
    }
    const error = /^\s*\((ER[^)]*)\)\s*$/.exec(text);
    return error ? { kind: 'error', code: error[1] ?? 'ER', bccOk } : { kind: 'data', text, bccOk };
  }
}

/** The first value of a data answer: `0.9.1(123456)` or `(123456)` → `123456` (unit dropped). */
export function answerValue(text: string): string | null {
  const open = text.indexOf('(');
  const close = text.indexOf(')', open + 1);
  if (open < 0 || close < 0) return null;
  const inner = text.slice(open + 1, close);
  const star = inner.indexOf('*');
  return (star < 0 ? inner : inner.slice(0, star)).trim();
}
