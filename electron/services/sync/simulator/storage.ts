/**
 * What the simulated enterprise keeps: every accepted message, once per MessageID, in one
 * append-only file (`accepted.jsonl`, one JSON line {messageId, receivedAt, xml} each), written
 * before the OK reply leaves. Messages that arrive while a write is under way go out together in
 * the next write, so 10,000 messages cost a few dozen writes instead of 10,000 file creations.
 * The file is read at start, so a restarted simulator still deduplicates; a torn last line (the
 * simulator killed mid-write) is ignored, its sender never got an OK for it.
 */
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export interface StoredMessage {
  messageId: string;
  receivedAt: string;
  xml: string;
}

export const ACCEPTED_FILE = 'accepted.jsonl';

/** Every message stored in `dir` by a simulator, in the order it accepted them. */
export function readAccepted(dir: string): StoredMessage[] {
  const file = join(dir, ACCEPTED_FILE);
  if (!existsSync(file)) return [];
  const out: StoredMessage[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line === '') continue;
    try {
      out.push(JSON.parse(line) as StoredMessage);
    } catch {
      // a torn last line: never acknowledged
    }
  }
  return out;
}

export function createMessageStorage(dir: string) {
  mkdirSync(dir, { recursive: true });
  const known = new Set(readAccepted(dir).map((m) => m.messageId));
  const fd = openSync(join(dir, ACCEPTED_FILE), 'a');
  let waiting: { messageId: string; line: string; resolve: (stored: boolean) => void; reject: (error: unknown) => void }[] = [];
  let scheduled = false;
  let closed = false;

  function flush(): void {
    scheduled = false;
    const batch = waiting;
    waiting = [];
    try {
      writeSync(fd, batch.map((w) => w.line).join(''));
    } catch (error) {
      // Not stored, so not accepted: the sender gets an error and sends it again.
      for (const w of batch) known.delete(w.messageId);
      for (const w of batch) w.reject(error);
      return;
    }
    for (const w of batch) w.resolve(true);
  }

  return {
    file: join(dir, ACCEPTED_FILE),
    has: (messageId: string) => known.has(messageId),
    /** False when the MessageID was accepted before (nothing written). Resolves once its line is written. */
    accept(messageId: string, xml: string): Promise<boolean> {
      if (closed) return Promise.reject(new Error('the simulator is shutting down'));
      if (known.has(messageId)) return Promise.resolve(false);
      known.add(messageId);
      const line = `${JSON.stringify({ messageId, receivedAt: new Date().toISOString(), xml } satisfies StoredMessage)}\n`;
      return new Promise((resolve, reject) => {
        waiting.push({ messageId, line, resolve, reject });
        if (!scheduled) {
          scheduled = true;
          setImmediate(flush);
        }
      });
    },
    count: () => known.size,
    ids: () => [...known],
    messages: () => readAccepted(dir),
    close: () => {
      if (closed) return;
      if (waiting.length > 0) flush();
      closed = true;
      closeSync(fd);
    },
  };
}
export type MessageStorage = ReturnType<typeof createMessageStorage>;
