/** A sign-in refusal in the user's words, from its code and details — never the Node side's English. */
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../app/appStore';
import { formatTime } from '../../lib/format';

export function useSignInErrorText(): string | null {
  const { t, i18n } = useTranslation();
  const error = useAppStore((s) => s.signInError);
  if (!error) return null;
  const details = (error.details ?? {}) as { reason?: string; lockedUntil?: string; triesLeft?: number };
  if (error.code === 'SIGN_IN_FAILED' && details.reason === 'locked' && details.lockedUntil) {
    return t('session.locked', { until: formatTime(details.lockedUntil, i18n.language) });
  }
  if (error.code === 'SIGN_IN_FAILED')
    return typeof details.triesLeft === 'number' && details.triesLeft <= 2
      ? t('session.wrongFew', { count: details.triesLeft })
      : t('session.wrong');
  if (error.code === 'BAD_REQUEST') return t('session.secretRule');
  if (error.code === 'FORBIDDEN') return t('session.profilesExist');
  return t('session.failed');
}
