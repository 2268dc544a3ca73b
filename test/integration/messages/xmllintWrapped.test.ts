/**
 * Many messages in one wrapped xmllint run give the same verdicts, errors and line numbers as
 * one file per message (the slow path it replaces), and a failure lands on the right message.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { xmllintMany } from '../../../electron/services/messages/batchValidator';
import { xmllintWrapped } from '../../../electron/services/messages/xmllintWrapped';
import { openStore } from '../../../electron/services/store';
import { renderForSync } from '../../../electron/services/messages/renderOutbox';
import { seedDemoOutbox } from '../../support/enterpriseSimulator/seed';
import { useTempDir } from '../../support/tempDir';
import { messageXsd, xsdSkipReason } from '../../support/xsd';

describe.skipIf(xsdSkipReason !== null)(
  `xmllint over many messages in one file${xsdSkipReason ? ` — SKIPPED: ${xsdSkipReason}` : ''}`,
  () => {
    const tempDir = useTempDir();

    it('agrees with one file per message, naming the broken messages and their lines', async () => {
      const dir = tempDir();
      seedDemoOutbox(join(dir, 'fm.db'));
      const store = openStore(join(dir, 'fm.db'));
      const docs = store.outbox.due(40).map((e) => renderForSync(e, { source: 'TEST' }));
      store.close();
      docs[3] = docs[3]!.replace('<msg:Verb>', '<msg:Unexpected/><msg:Verb>');
      docs[17] = docs[17]!.replace(/<msg:Timestamp>[^<]*</, '<msg:Timestamp>yesterday<');
      const single = join(dir, 'single');
      const wrapped = join(dir, 'wrapped');
      mkdirSync(single);
      mkdirSync(wrapped);

      const one = await xmllintMany(docs, messageXsd, single);
      const many = await xmllintWrapped(docs, messageXsd, wrapped, new Map());
      expect(many).not.toBeNull();
      expect(many!.map((v) => v.valid)).toEqual(one.map((v) => v.valid));
      expect(many!.flatMap((v, i) => (v.valid ? [] : [i]))).toEqual([3, 17]);
      expect(many![3]!.errors).toEqual(one[3]!.errors);
      expect(many![17]!.errors).toEqual(one[17]!.errors);
      expect(many![3]!.errors.join(' ')).toMatch(/^line \d+: .*Unexpected/);
    });

    it('returns null (validate one by one) for a schema without a target namespace', async () => {
      const dir = tempDir();
      const xsd = join(dir, 'plain.xsd');
      writeFileSync(xsd, '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:element name="a" type="xs:int"/></xs:schema>');
      expect(await xmllintWrapped(['<a>1</a>'], xsd, dir, new Map())).toBeNull();
    });
  },
);
