/**
 * A supervisor's list of the profiles on this device (issue 18): add a person with a role and a
 * first PIN, give someone who forgot theirs a new one (which also lifts a lock), remove a profile.
 * The Node side checks the supervisor's right again for each.
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { roles, type Profile, type Role } from '../../../../shared/contract/supervisorEntities';
import type { AppErrorShape, Result } from '../../../../shared/contract/result';
import { api } from '../../api/client';
import { useProfile } from '../../app/appStore';
import { errorText } from '../../lib/errorText';

export function ProfileManager() {
  const { t } = useTranslation();
  const me = useProfile();
  const [profiles, setProfiles] = useState<Profile[]>([]);
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('technician');
  const [secret, setSecret] = useState('');
  const [note, setNote] = useState<string | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const load = useCallback(() => void api['profiles.list']({}).then((r) => r.ok && setProfiles(r.value)), []);
  useEffect(load, [load]);
  if (me?.role !== 'supervisor') return null;

  async function act<T>(call: Promise<Result<T>>, done: string) {
    const r = await call;
    setError(r.ok ? null : r.error);
    setNote(r.ok ? done : null);
    if (r.ok) load();
    return r.ok;
  }
  // A refused PIN says the rule; a reason (profileExists, lastSupervisor …) is said by the shared errorText.
  const problem = (e: AppErrorShape) => (e.code === 'BAD_REQUEST' ? t('session.secretRule') : errorText(e));

  return (
    <section className="review-card review-profile" aria-labelledby="profiles-title" data-testid="profile-manager">
      <h2 id="profiles-title">{t('session.manageTitle')}</h2>
      <ul className="profile-list">
        {profiles.map((p) => (
          <li key={p.name} data-testid="profile-row" data-name={p.name}>
            <span>{t('session.profileOption', { name: p.name, role: t(`review.role.${p.role}`) })}</span>
            <button
              type="button"
              className="button"
              data-testid="profile-reset"
              disabled={!secret}
              onClick={() => void act(api['profiles.resetSecret']({ name: p.name, secret }), t('session.resetDone', { name: p.name }))}
            >
              {t('session.reset')}
            </button>
            <button
              type="button"
              className="button"
              data-testid="profile-remove"
              disabled={p.name === me.name}
              onClick={() => void act(api['profiles.remove']({ name: p.name }), t('session.removed', { name: p.name }))}
            >
              {t('session.remove')}
            </button>
          </li>
        ))}
      </ul>
      <form
        className="profile-add"
        onSubmit={(e) => {
          e.preventDefault();
          void act(api['profiles.add']({ name: name.trim(), role, secret }), t('session.added', { name: name.trim() })).then((ok) => {
            if (!ok) return;
            setName('');
            setSecret('');
          });
        }}
      >
        <label>
          {t('session.name')}
          <input
            className="review-input"
            data-testid="profile-name"
            value={name}
            maxLength={80}
            onChange={(e) => setName(e.currentTarget.value)}
          />
        </label>
        <label>
          {t('session.role')}
          <select
            className="review-input"
            data-testid="profile-role"
            value={role}
            onChange={(e) => setRole(roles.find((r) => r === e.currentTarget.value) ?? 'technician')}
          >
            {roles.map((r) => (
              <option key={r} value={r}>
                {t(`review.role.${r}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('session.newSecret')}
          <input
            className="review-input"
            type="password"
            autoComplete="new-password"
            data-testid="profile-secret"
            value={secret}
            maxLength={128}
            onChange={(e) => setSecret(e.currentTarget.value)}
          />
        </label>
        <button type="submit" className="button" data-testid="profile-add" disabled={!name.trim() || !secret}>
          {t('session.add')}
        </button>
      </form>
      <p className="field-hint">{t('session.secretRule')}</p>
      {note && <p data-testid="profile-note">{note}</p>}
      {error && (
        <p className="review-error" role="alert" data-testid="profile-error">
          {problem(error)}
        </p>
      )}
    </section>
  );
}
