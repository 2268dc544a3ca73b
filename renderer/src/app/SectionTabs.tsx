import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavStore } from './navStore';
import { sections } from './sections';

/** Tabs for the sections; hidden while there is only one. */
export function SectionTabs() {
  const { t } = useTranslation();
  const current = useNavStore((s) => s.section);
  const select = useNavStore((s) => s.selectSection);
  if (sections.length < 2) return null;
  return (
    <nav className="section-tabs" aria-label={t('nav.label')}>
      {sections.map((s) => (
        <button
          key={s.id}
          type="button"
          className={`tab${s.id === current ? ' selected' : ''}`}
          aria-current={s.id === current ? 'page' : undefined}
          data-testid={`section-${s.id}`}
          onClick={() => select(s.id)}
        >
          {t(`nav.${s.labelKey}`)}
        </button>
      ))}
    </nav>
  );
}

/** The selected section; while its chunk loads, a quiet placeholder keeps the layout still. */
export function CurrentSection() {
  const { t } = useTranslation();
  const current = useNavStore((s) => s.section);
  const section = sections.find((s) => s.id === current) ?? sections[0];
  if (!section) return null;
  return (
    <Suspense
      fallback={
        <p className="muted" role="status" data-testid="section-loading">
          {t('start.section')}
        </p>
      }
    >
      <section.Component />
    </Suspense>
  );
}
