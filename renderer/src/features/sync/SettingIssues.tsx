/**
 * What a schema check of a document found (zod's issues as data, shared/contract/zodIssue.ts), each
 * in words from the catalogs with its place in the document small beside it: an integration profile
 * a supervisor loads, a rejected message's correction.
 */
import i18next from 'i18next';
import type { AppErrorShape } from '../../../../shared/contract/result';
import { zodIssue } from '../../../../shared/contract/zodIssue';
import { sayZodIssue, zodIssuePlace } from '../../../../shared/i18n/zodIssueWords';

export interface IssueSaid {
  words: string;
  place: string;
}

const say = (key: string, values: object = {}) =>
  (i18next.t as unknown as (key: string, values: object) => string)(`errors.${key}`, values);

/** The issues an error's details carry, in words; what is not an issue is left out. */
export function issuesOf(error: AppErrorShape): IssueSaid[] {
  const details = (error.details ?? {}) as { issues?: unknown };
  return (Array.isArray(details.issues) ? details.issues : []).flatMap((raw): IssueSaid[] => {
    const issue = zodIssue.safeParse(raw);
    return issue.success ? [{ words: sayZodIssue(say, issue.data), place: zodIssuePlace(say, issue.data) }] : [];
  });
}

export function SettingIssues({ issues, testId }: { issues: readonly IssueSaid[]; testId: string }) {
  if (issues.length === 0) return null;
  return (
    <ul className="small">
      {issues.map((issue, i) => (
        <li key={i} data-testid={testId}>
          {issue.words} <code data-testid={`${testId}-place`}>{issue.place}</code>
        </li>
      ))}
    </ul>
  );
}
