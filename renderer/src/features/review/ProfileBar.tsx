/** Who works on this device now (issue 10: local profiles); the role decides what they may do. */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { roles, type Role } from '../../../../shared/contract/supervisorEntities';
import { useReviewStore } from './reviewStore';

export function ProfileBar() {
  const { t } = useTranslation();
  const profile = useReviewStore((s) => s.profile);
  const switchProfile = useReviewStore((s) => s.switchProfile);
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('technician');
  // What the user is typing wins over a profile that arrives (or changes) meanwhile.
  const edited = useRef(false);
  useEffect(() => {
    if (profile && !edited.current) {
      setName(profile.name);
      setRole(profile.role);
    }
  }, [profile]);
  return (
    <form
      className="review-card review-profile"
      aria-labelledby="profile-title"
      onSubmit={(e) => {
        e.preventDefault();
        if (!name.trim()) return;
        edited.current = false;
        void switchProfile({ name: name.trim(), role });
      }}
    >
      <h2 id="profile-title">{t('review.profileTitle')}</h2>
      <p data-testid="profile-current">{profile ? t('review.profileNow', { name: profile.name, role: t(`review.role.${profile.role}`) }) : ''}</p>
      <label>
        {t('review.profileName')}
        <input className="review-input" data-testid="profile-name" value={name} maxLength={80} onChange={(e) => {
            edited.current = true;
            setName(e.target.value);
          }} />
      </label>
      <label>
        {t('review.profileRole')}
        <select className="review-input" data-testid="profile-role" value={role} onChange={(e) => {
            edited.current = true;
            setRole(roles.find((r) => r === e.target.value) ?? 'technician');
          }}>
          {roles.map((r) => (
            <option key={r} value={r}>
              {t(`review.role.${r}`)}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="button" data-testid="profile-switch">
        {t('review.profileSwitch')}
      </button>
    </form>
  );
}
