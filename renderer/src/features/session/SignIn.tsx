/**
 * Who is working on this device (issue 18): pick your profile and type your PIN or password; the
 * Node side checks it. On a new device the first person creates the supervisor profile, who then
 * adds everyone else. Large targets: this is typed with gloves on.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Profile } from '../../../../shared/contract/supervisorEntities';
import { api } from '../../api/client';
import { useAppStore } from '../../app/appStore';
import { useSignInErrorText } from './signInErrorText';

export function SignIn() {
  const profilesExist = useAppStore((s) => s.session?.profilesExist ?? true);
  return <main className="sign-in">{profilesExist ? <SignInForm /> : <FirstProfileForm />}</main>;
}

function SignInForm() {
  const { t } = useTranslation();
  const [profiles, setProfiles] = useState<Profile[]>([]);
  const [name, setName] = useState('');
  const [secret, setSecret] = useState('');
  const [busy, setBusy] = useState(false);
  const error = useSignInErrorText();
  useEffect(() => {
    void api['profiles.list']({}).then((r) => {
      if (!r.ok) return;
      setProfiles(r.value);
      setName((current) => current || (r.value[0]?.name ?? ''));
    });
  }, []);
  return (
    <form
      className="sign-in-card"
      data-testid="sign-in-form"
      aria-labelledby="sign-in-title"
      onSubmit={(e) => {
        e.preventDefault();
        if (!name || !secret) return;
        setBusy(true);
        void useAppStore
          .getState()
          .signIn(name, secret)
          .finally(() => {
            setBusy(false);
            setSecret('');
          });
      }}
    >
      <h2 id="sign-in-title">{t('session.title')}</h2>
      <label className="field">
        <span className="field-label">{t('session.profile')}</span>
        <select data-testid="sign-in-profile" value={name} onChange={(e) => setName(e.currentTarget.value)}>
          {profiles.map((p) => (
            <option key={p.name} value={p.name}>
              {t('session.profileOption', { name: p.name, role: t(`review.role.${p.role}`) })}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="field-label">{t('session.secret')}</span>
        <input
          type="password"
          data-testid="sign-in-secret"
          autoComplete="current-password"
          value={secret}
          maxLength={128}
          autoFocus
          onChange={(e) => setSecret(e.currentTarget.value)}
        />
      </label>
      {error && (
        <p className="inline-error" role="alert" data-testid="sign-in-error">
          {error}
        </p>
      )}
      <button type="submit" className="button primary big" data-testid="sign-in-submit" disabled={busy || !name || !secret}>
        {t('session.signIn')}
      </button>
    </form>
  );
}

function FirstProfileForm() {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [secret, setSecret] = useState('');
  const [repeat, setRepeat] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const error = useSignInErrorText();
  return (
    <form
      className="sign-in-card"
      data-testid="first-profile-form"
      aria-labelledby="first-profile-title"
      onSubmit={(e) => {
        e.preventDefault();
        setMismatch(secret !== repeat);
        if (secret !== repeat || !name.trim()) return;
        void useAppStore.getState().createFirstProfile(name.trim(), secret);
      }}
    >
      <h2 id="first-profile-title">{t('session.firstTitle')}</h2>
      <p className="lead">{t('session.firstIntro')}</p>
      <label className="field">
        <span className="field-label">{t('session.name')}</span>
        <input
          data-testid="first-profile-name"
          autoComplete="name"
          value={name}
          maxLength={80}
          autoFocus
          onChange={(e) => setName(e.currentTarget.value)}
        />
      </label>
      <label className="field">
        <span className="field-label">{t('session.newSecret')}</span>
        <input
          type="password"
          data-testid="first-profile-secret"
          autoComplete="new-password"
          value={secret}
          maxLength={128}
          onChange={(e) => setSecret(e.currentTarget.value)}
        />
        <span className="field-hint">{t('session.secretRule')}</span>
      </label>
      <label className="field">
        <span className="field-label">{t('session.repeatSecret')}</span>
        <input
          type="password"
          data-testid="first-profile-repeat"
          autoComplete="new-password"
          value={repeat}
          maxLength={128}
          onChange={(e) => setRepeat(e.currentTarget.value)}
        />
      </label>
      {(mismatch || error) && (
        <p className="inline-error" role="alert" data-testid="sign-in-error">
          {mismatch ? t('session.mismatch') : error}
        </p>
      )}
      <button type="submit" className="button primary big" data-testid="first-profile-submit" disabled={!name.trim() || !secret || !repeat}>
        {t('session.createFirst')}
      </button>
    </form>
  );
}
