/** Who is signed in, in the header, with Sign out: the next person signs in with their own PIN. */
import { useTranslation } from 'react-i18next';
import { useAppStore, useProfile } from '../../app/appStore';

export function SignedIn() {
  const { t } = useTranslation();
  const profile = useProfile();
  if (!profile) return null;
  return (
    <div className="signed-in" data-testid="signed-in" data-role={profile.role}>
      <span className="signed-in-name">{t('session.signedIn', { name: profile.name })}</span>
      <span className="signed-in-role">{t('session.signedInRole', { role: t(`review.role.${profile.role}`) })}</span>
      <button type="button" className="button" data-testid="sign-out" onClick={() => void useAppStore.getState().signOut()}>
        {t('session.signOut')}
      </button>
    </div>
  );
}
