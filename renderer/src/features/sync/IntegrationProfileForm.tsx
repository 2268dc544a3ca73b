/**
 * The utility's integration profile (issue 19): which 61968-100 conventions this device speaks
 * (SOAPAction template, SOAP version, endpoints per service, header fields). A supervisor loads the
 * JSON file the utility's integration team gives them, or goes back to the default; the Node side
 * checks it against the profile schema and refuses it with the reasons.
 */
import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { IntegrationProfileInfo } from '../../../../shared/contract/methods/sync';
import type { AppErrorShape } from '../../../../shared/contract/result';
import { api, onTopics } from '../../api/client';
import { errorText } from '../../lib/errorText';
import { issuesOf, SettingIssues, type IssueSaid } from './SettingIssues';

/** The refusal in words, each of the schema's findings in words with its place in the file small beside it. */
function refusal(error: AppErrorShape): { text: string; issues: readonly IssueSaid[] } {
  return { text: errorText(error), issues: issuesOf(error) };
}

export function IntegrationProfileForm() {
  const { t } = useTranslation();
  const [info, setInfo] = useState<IntegrationProfileInfo | null>(null);
  const [message, setMessage] = useState<{ text: string; issues: readonly IssueSaid[]; error: boolean } | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const load = async () => {
      const r = await api['sync.profile.get']({});
      if (r.ok) setInfo(r.value);
    };
    void load();
    return onTopics(['settings'], () => void load());
  }, []);

  async function apply(text: string | null) {
    const r = await api['sync.profile.set']({ text });
    if (!r.ok) return setMessage({ ...refusal(r.error), error: true });
    setInfo(r.value);
    setMessage({
      text: r.value.isDefault ? t('sync.profile.defaultRestored') : t('sync.profile.loaded', { name: r.value.name }),
      issues: [],
      error: false,
    });
  }

  async function chooseFile(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (file) await apply(await file.text());
  }

  return (
    <section className="sync-card" aria-labelledby="sync-profile-title" data-testid="sync-profile">
      <h2 id="sync-profile-title">{t('sync.profile.title')}</h2>
      {info && (
        <dl className="sync-profile-facts">
          <dt>{t('sync.profile.name')}</dt>
          <dd data-testid="sync-profile-name">{info.isDefault ? t('sync.profile.default') : info.name}</dd>
          <dt>{t('sync.profile.soapAction')}</dt>
          <dd>
            <code className="small" data-testid="sync-profile-soap-action">
              {info.soapAction}
            </code>
          </dd>
          <dt>{t('sync.profile.soapVersion')}</dt>
          <dd>{info.soapVersion ? `SOAP ${info.soapVersion}` : t('sync.profile.soapVersionFromSettings')}</dd>
          <dt>{t('sync.profile.endpoints')}</dt>
          <dd data-testid="sync-profile-services">
            {info.services.length === 0 ? t('sync.profile.oneEndpoint') : info.services.join(', ')}
          </dd>
        </dl>
      )}
      <div className="sync-form">
        <input
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          hidden
          data-testid="sync-profile-file"
          onChange={(e) => void chooseFile(e)}
        />
        <button type="button" className="button" data-testid="sync-profile-load" onClick={() => fileInput.current?.click()}>
          {t('sync.profile.load')}
        </button>
        {info && !info.isDefault && (
          <button type="button" className="button" data-testid="sync-profile-reset" onClick={() => void apply(null)}>
            {t('sync.profile.useDefault')}
          </button>
        )}
      </div>
      {message && (
        <div
          className={message.error ? 'sync-message error' : 'sync-message'}
          data-testid="sync-profile-message"
          role={message.error ? 'alert' : 'status'}
        >
          <p>{message.text}</p>
          <SettingIssues issues={message.issues} testId="sync-profile-issue" />
        </div>
      )}
    </section>
  );
}
