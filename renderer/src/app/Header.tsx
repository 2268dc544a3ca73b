import { useState } from 'react';
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
  // On a phone the actions fold into a menu (styles/layout.css); wider, the toggle is hidden and they show.
  const [menuOpen, setMenuOpen] = useState(false);
  return (
    <header className={`app-header${menuOpen ? ' menu-open' : ''}`}>
      <h1 className="app-title">Fieldmeter</h1>
      <button
        type="button"
        className="button header-menu-toggle"
        aria-expanded={menuOpen}
        aria-controls="header-actions"
        data-testid="header-menu"
        onClick={() => setMenuOpen(!menuOpen)}
      >
        {t('panes.menu')}
      </button>
      {ready && <SectionTabs />}
      <div className="header-actions" id="header-actions">
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
