/**
 * A correction of a rejected message that is not complete, and an integration profile the schema
 * refuses, say what is wrong: each of zod's issues (crossing the boundary as data) in words from the
 * catalogs, its place in the document small beside it (issue 16 §3). Before, the correction said only
 * "The corrected message is not complete." and the issues, in zod's English, were not shown at all.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, describe, expect, it } from 'vitest';
import { i18next } from '../../../renderer/src/i18n';
import { issuesOf, SettingIssues } from '../../../renderer/src/features/sync/SettingIssues';
import { errorText } from '../../../renderer/src/lib/errorText';
import type { AppErrorShape } from '../../../shared/contract/result';

const incomplete: AppErrorShape = {
  code: 'VALIDATION',
  details: {
    reason: 'correctionIncomplete',
    issues: [{ path: 'readings.0.value', code: 'invalid_type', expected: 'string', received: 'undefined' }, 'an old English line'],
  },
};

const shown = () =>
  renderToStaticMarkup(createElement(SettingIssues, { issues: issuesOf(incomplete), testId: 'issue' }))
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

describe('what a correction lacks, on screen', () => {
  afterAll(() => i18next.changeLanguage('en'));

  it('says each issue in German with its place small beside it, and leaves out what is not an issue', async () => {
    await i18next.changeLanguage('de');
    expect(errorText(incomplete)).toBe('Die korrigierte Nachricht ist nicht vollständig.');
    const text = shown();
    expect(text).toContain('readings.0.value');
    expect(text).not.toMatch(/an old English line|invalid_type|Invalid input/);
    expect(issuesOf(incomplete)).toHaveLength(1);
  });

  it('says it in English too, in other words than German', async () => {
    await i18next.changeLanguage('de');
    const german = issuesOf(incomplete)[0]!.words;
    await i18next.changeLanguage('en');
    const english = issuesOf(incomplete)[0]!.words;
    expect(english).not.toBe(german);
    expect(english.length).toBeGreaterThan(0);
  });
});
