/**
 * Issue 18 item 7: the schema folder a supervisor picks is walked with bounds (a home folder or a
 * drive picked by mistake is refused with a reason, not walked for minutes) and, when chosen,
 * without blocking the host (other requests are answered between folders).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  checkSchemaFolderAsync,
  indexSchemaFolder,
  indexSchemaFolderAsync,
  MAX_SCHEMA_FOLDER_ENTRIES,
} from '../../../electron/services/messages/schemaFolder';
import { useTempDir } from '../../support/tempDir';

const xmllint = () => true;

describe('schema folder walk', () => {
  const tempDir = useTempDir();

  it('refuses a folder with more entries than a schema folder has, with a reason the screen translates', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'Message.xsd'), '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"/>');
    const sub = join(dir, 'photos');
    mkdirSync(sub);
    for (let i = 0; i < MAX_SCHEMA_FOLDER_ENTRIES; i++) writeFileSync(join(sub, `IMG_${i}.jpg`), '');
    const refusal = { code: 'VALIDATION', details: { reason: 'schemaFolderTooLarge', limit: MAX_SCHEMA_FOLDER_ENTRIES } };
    expect(() => indexSchemaFolder(dir)).toThrow(expect.objectContaining(refusal));
    await expect(checkSchemaFolderAsync(dir, xmllint)).rejects.toMatchObject(refusal);
  });

  it('finds the same schemas either way, first by sorted path, and lets other work run while it walks', async () => {
    const dir = tempDir();
    for (let i = 0; i < 40; i++) {
      const folder = join(dir, `set-${String(i).padStart(2, '0')}`);
      mkdirSync(folder);
      writeFileSync(join(folder, `Noun${i}.xsd`), '');
      writeFileSync(join(folder, 'Message.xsd'), '');
    }
    const sync = indexSchemaFolder(dir);
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 0);
    const walked = indexSchemaFolderAsync(dir);
    const index = await walked;
    clearInterval(ticker);
    expect([...index]).toEqual([...sync]);
    expect(index.get('Message.xsd')).toBe(join(dir, 'set-00', 'Message.xsd'));
    expect(index.size).toBe(41);
    expect(ticks).toBeGreaterThan(0);
  });

  it('says an unreadable folder with its own reason', async () => {
    await expect(checkSchemaFolderAsync(join(tempDir(), 'gone'), xmllint)).rejects.toMatchObject({
      code: 'NOT_FOUND',
      details: { reason: 'schemaFolderUnreadable' },
    });
  });
});
