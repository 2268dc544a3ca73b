/**
 * What the simulated enterprise keeps: one file per accepted MessageID, written before the OK
 * reply leaves, and the count of duplicates discarded.
 * The MessageIDs already on disk are loaded at start, so a restarted simulator still deduplicates.
 */
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const safeName = (messageId: string) => messageId.replace(/[^A-Za-z0-9._-]/g, '_');

export function createMessageStorage(dir: string) {
  const accepted = join(dir, 'accepted');
  mkdirSync(accepted, { recursive: true });
  const known = new Set(readdirSync(accepted).filter((f) => f.endsWith('.xml')).map((f) => f.slice(0, -4)));
  return {
    dir: accepted,
    has: (messageId: string) => known.has(safeName(messageId)),
    /** False when the MessageID was accepted before (nothing written). Resolves once the file is in place. */
    async accept(messageId: string, xml: string): Promise<boolean> {
      const name = safeName(messageId);
      if (known.has(name)) return false;
      known.add(name);
      // One file creation per message (a temp name + rename would double the cost of the dominant step).
      await writeFile(join(accepted, `${name}.xml`), xml, { flag: 'wx' });
      return true;
    },
    count: () => known.size,
    ids: () => [...known],
  };
}
export type MessageStorage = ReturnType<typeof createMessageStorage>;

/** Files the enterprise has queued for the device (read lists, MeterConfig …), newest last. */
export function listServed(dir: string | undefined): string[] {
  if (!dir || !existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => f.endsWith('.xml')).sort();
}
