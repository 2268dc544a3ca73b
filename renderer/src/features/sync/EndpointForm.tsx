/**
 * Endpoint and credentials (issue 7): set once by a supervisor. A credential is sent to the Node
 * side and never shown again: after saving, the form only says that one is stored.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncSettings } from '../../../../shared/contract/methods/sync';
import type { AppErrorShape } from '../../../../shared/contract/result';
import { endpointProblem, endpointOrigin, type EndpointProblem } from '../../../../shared/domain/syncEndpoint';
import { api } from '../../api/client';
import { useSyncStore } from './syncStore';
import { errorText } from '../../lib/errorText';

const endpointProblems: readonly string[] = ['notUrl', 'notHttps', 'userInfo'] satisfies EndpointProblem[];

/**
 * The translated reason of a refusal the Node side names in its details (issue 18), else the error
 * by its code and details (a credentials problem says which one: errors.credentials.*).
 */
function useRefusalText() {
  const { t } = useTranslation();
  return (error: AppErrorShape): string => {
    const details = typeof error.details === 'object' && error.details !== null ? (error.details as Record<string, unknown>) : {};
    if (typeof details.endpoint === 'string' && endpointProblems.includes(details.endpoint))
      return t(`sync.endpointProblem.${details.endpoint as EndpointProblem}`);
    return errorText(error);
  };
}

export function EndpointForm() {
  const { t } = useTranslation();
  const loaded = useSyncStore((s) => s.settings);
  const [draft, setDraft] = useState<SyncSettings>({ endpoint: '', soapVersion: '1.1', caPath: '', schemaFolder: '' });
  const [kind, setKind] = useState<'basic' | 'bearer'>('basic');
  const [user, setUser] = useState('');
  const [secret, setSecret] = useState('');
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const settingsKey = loaded ? JSON.stringify(loaded.settings) : '';
  useEffect(() => {
    if (loaded) setDraft(loaded.settings);
    // Only when the stored settings change, not on every refetch.
  }, [settingsKey]);

  const refusalText = useRefusalText();

  async function saveEndpoint(e: FormEvent) {
    e.preventDefault();
    // The same rule as the Node side, so the reason shows in the person's language before anything is sent.
    const problem = draft.endpoint === '' ? null : endpointProblem(draft.endpoint);
    if (problem) return setMessage({ text: t(`sync.endpointProblem.${problem}`), error: true });
    const hadCredentials = loaded !== null && loaded.credentials.kind !== 'none' && loaded.credentials.canStore;
    const otherServer = endpointOrigin(draft.endpoint) !== endpointOrigin(loaded?.settings.endpoint ?? '');
    const r = await api['sync.settings.set'](draft);
    if (!r.ok) return setMessage({ text: refusalText(r.error), error: true });
    setMessage({ text: hadCredentials && otherServer ? t('sync.credentialsDropped') : t('sync.settingsSaved'), error: false });
    await useSyncStore.getState().load();
  }

  async function saveCredentials(e: FormEvent) {
    e.preventDefault();
    const r = await api['sync.credentials.set'](kind === 'bearer' ? { kind, token: secret } : { kind, user, password: secret });
    // Forget what was typed either way: it must not linger in the page.
    setSecret('');
    setMessage(r.ok ? { text: t('sync.credentialsStored'), error: false } : { text: refusalText(r.error), error: true });
    await useSyncStore.getState().load();
  }

  const creds = loaded?.credentials;
  return (
    <section className="sync-card" aria-labelledby="sync-endpoint-title">
      <h2 id="sync-endpoint-title">{t('sync.endpointTitle')}</h2>
      <form className="sync-form" onSubmit={(e) => void saveEndpoint(e)} data-testid="sync-endpoint-form">
        <label>
          {t('sync.endpointUrl')}
          <input
            className="sync-input"
            type="url"
            data-testid="sync-endpoint"
            value={draft.endpoint}
            placeholder="https://mdm.example.com/cim"
            onChange={(e) => setDraft({ ...draft, endpoint: e.target.value.trim() })}
          />
        </label>
        <label>
          {t('sync.soapVersion')}
          <select
            className="sync-input"
            data-testid="sync-soap"
            value={draft.soapVersion}
            onChange={(e) => setDraft({ ...draft, soapVersion: e.target.value === '1.2' ? '1.2' : '1.1' })}
          >
            <option value="1.1">SOAP 1.1</option>
            <option value="1.2">SOAP 1.2</option>
          </select>
        </label>
        <label>
          {t('sync.caPath')}
          <input
            className="sync-input"
            data-testid="sync-ca"
            value={draft.caPath}
            placeholder="/etc/ssl/utility-ca.pem"
            onChange={(e) => setDraft({ ...draft, caPath: e.target.value })}
          />
        </label>
        <label>
          {t('sync.schemaFolder')}
          <input
            className="sync-input"
            data-testid="sync-schema-folder"
            value={draft.schemaFolder}
            placeholder="/opt/utility/cim-xsd"
            onChange={(e) => setDraft({ ...draft, schemaFolder: e.target.value })}
          />
        </label>
        <button type="submit" className="button primary" data-testid="sync-endpoint-save">
          {t('sync.saveEndpoint')}
        </button>
      </form>
      <form className="sync-form" onSubmit={(e) => void saveCredentials(e)} data-testid="sync-credentials-form">
        <p data-testid="sync-credentials-state">
          {creds?.kind === 'none' || !creds
            ? t('sync.credentialsNone')
            : t('sync.credentialsSet', { kind: creds.kind === 'bearer' ? t('sync.bearer') : t('sync.basic') })}
          {creds && !creds.canStore ? ` ${t('sync.credentialsFromEnvironment')}` : ''}
        </p>
        <label>
          {t('sync.authKind')}
          <select
            className="sync-input"
            data-testid="sync-auth-kind"
            value={kind}
            onChange={(e) => setKind(e.target.value === 'bearer' ? 'bearer' : 'basic')}
          >
            <option value="basic">{t('sync.basic')}</option>
            <option value="bearer">{t('sync.bearer')}</option>
          </select>
        </label>
        {kind === 'basic' && (
          <label>
            {t('sync.user')}
            <input
              className="sync-input"
              data-testid="sync-user"
              autoComplete="off"
              value={user}
              onChange={(e) => setUser(e.target.value)}
            />
          </label>
        )}
        <label>
          {kind === 'basic' ? t('sync.password') : t('sync.token')}
          <input
            className="sync-input"
            type="password"
            data-testid="sync-secret"
            autoComplete="new-password"
            value={secret}
            onChange={(e) => setSecret(e.target.value)}
          />
        </label>
        <button type="submit" className="button" data-testid="sync-credentials-save" disabled={secret === ''}>
          {t('sync.saveCredentials')}
        </button>
      </form>
      {message && (
        <p
          className={message.error ? 'sync-message error' : 'sync-message'}
          data-testid="sync-settings-message"
          role={message.error ? 'alert' : 'status'}
        >
          {message.text}
        </p>
      )}
    </section>
  );
}
