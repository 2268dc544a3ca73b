import { useTranslation } from 'react-i18next';
import { openImportPicker } from '../features/import/ImportFileInput';
import { LanguageSwitch } from '../features/settings/LanguageSwitch';
import { SyncBadge } from '../features/sync/SyncBadge';
import { useAppStore } from './appStore';
import { SectionTabs } from './SectionTabs';
import { SignedIn } from '../features/session/SignedIn';

export function Header() {
  const { t } = useTranslation();
  const ready = useAppStore((s) => s.state === 'ready');
  return (
    <header className="app-header">
      <h1 className="app-title">Fieldmeter</h1>
      {ready && <SectionTabs />}
      <div className="header-actions">
        {ready && <SyncBadge />}
        <button type="button" className="button" data-testid="import-button" disabled={!ready} onClick={openImportPicker}>
          {t('import.action')}
        </button>
        <LanguageSwitch />
        {ready && <SignedIn />}
      </div>
    </header>
  );
}
