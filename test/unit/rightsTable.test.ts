import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { methodNames, methods } from '../../shared/contract/api';
import { rights } from '../../shared/contract/rights';
import { rightsTable } from '../../shared/contract/rightsTable';

describe('who may do what', () => {
  it('every contract method declares one known right', () => {
    for (const m of methodNames) expect(rights, m).toContain(methods[m].right);
  });

  it('docs/RELIABILITY.md shows the table generated from the contract', () => {
    const doc = readFileSync(resolve(import.meta.dirname, '../../docs/RELIABILITY.md'), 'utf8');
    const section = /<!-- rights:begin -->\n([\s\S]*?)\n<!-- rights:end -->/.exec(doc)?.[1];
    expect(section, 'replace the section between the rights markers with:\n' + rightsTable()).toBe(rightsTable());
  });
});
