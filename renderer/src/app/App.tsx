/** The top level: start-up state (which tests wait on), the welcome screen or the work screen. */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { onDataChanged } from '../api/client';
import { ImportFileInput } from '../features/import/ImportFileInput';
import { ImportPanel } from '../features/import/ImportPanel';
import { useMeterStore } from '../features/meter/meterStore';
import { useMetersStore } from '../features/meters/metersStore';
import { useRoutesStore } from '../features/routes/routesStore';
import { Welcome } from '../features/welcome/Welcome';
import { useAppStore } from './appStore';
import { Header } from './Header';
import { CurrentSection } from './SectionTabs';

/** The main side says which tables changed; each view refetches what it shows. */
function refetchOnDataChanged(tables: readonly string[]) {
  const touches = (...names: string[]) => names.some((n) => tables.includes(n));
  if (touches('routes', 'usage_points', 'registers', 'readings')) void useRoutesStore.getState().load();
  if (touches('routes', 'usage_points', 'registers', 'readings', 'control_requests')) void useMetersStore.getState().reload();
  if (touches('routes')) void useAppStore.getState().refreshInfo();
  if (touches('registers', 'readings', 'usage_points', 'control_requests')) void useMeterStore.getState().reload();
}

export function App() {
  const { t } = useTranslation();
  const state = useAppStore((s) => s.state);
  const startError = useAppStore((s) => s.startError);
  const firstRun = useAppStore((s) => s.info?.firstRun ?? false);
  const routesLoaded = useRoutesStore((s) => s.loaded);

  useEffect(() => {
    void useAppStore
      .getState()
      .start()
      .then(() => useRoutesStore.getState().load());
    return onDataChanged(refetchOnDataChanged);
  }, []);

  if (state === 'error') {
    return (
      <div data-app-state="error" className="app app-error" role="alert">
        <h1>{t('start.errorTitle')}</h1>
        <p data-testid="start-error">{startError}</p>
        <button type="button" className="button primary" onClick={() => window.location.reload()}>
          {t('start.reload')}
        </button>
      </div>
    );
  }

  // Ready means: app.info answered and the first routes.list came back, so what is shown is real.
  const ready = state === 'ready' && routesLoaded;
  return (
    <div data-app-state={ready ? 'ready' : 'loading'} className="app">
      <Header />
      {!ready ? (
        <p className="app-loading" aria-busy="true">
          {t('start.loading')}
        </p>
      ) : firstRun ? (
        <Welcome />
      ) : (
        <CurrentSection />
      )}
      <ImportFileInput />
      <ImportPanel />
    </div>
  );
}
