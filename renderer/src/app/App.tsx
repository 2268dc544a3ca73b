/** The top level: start-up state (which tests wait on), the welcome screen or the work screen. */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { onTopics } from '../api/client';
import { ImportFileInput } from '../features/import/ImportFileInput';
import { ImportPanel } from '../features/import/ImportPanel';
import { useMeterStore } from '../features/meter/meterStore';
import { useMetersStore } from '../features/meters/metersStore';
import { useRoutesStore } from '../features/routes/routesStore';
import { SignIn } from '../features/session/SignIn';
import { Welcome } from '../features/welcome/Welcome';
import { useAppStore } from './appStore';
import { Header } from './Header';
import { CurrentSection } from './SectionTabs';

/** The route, its stops and the open meter refetch when a write touched what they show. */
function followRouteWork(): () => void {
  const unsubscribe = [
    onTopics(['routes', 'stops', 'readings'], () => void useRoutesStore.getState().load()),
    onTopics(['routes', 'stops', 'readings', 'requests'], () => void useMetersStore.getState().reload()),
    onTopics(['routes'], () => void useAppStore.getState().refreshInfo()),
    onTopics(['stops', 'readings', 'requests', 'devices'], () => void useMeterStore.getState().reload()),
  ];
  return () => unsubscribe.forEach((u) => u());
}

export function App() {
  const { t } = useTranslation();
  const state = useAppStore((s) => s.state);
  const startError = useAppStore((s) => s.startError);
  const firstRun = useAppStore((s) => s.info?.firstRun ?? false);
  const routesLoaded = useRoutesStore((s) => s.loaded);

  useEffect(() => {
    void useAppStore.getState().start();
    return followRouteWork();
  }, []);
  // Route data only for a signed-in profile: before that the Node side answers nothing but sign-in.
  useEffect(() => {
    if (state === 'ready') void useRoutesStore.getState().load();
  }, [state]);

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

  if (state === 'signIn') {
    return (
      <div data-app-state="sign-in" className="app">
        <Header />
        <SignIn />
      </div>
    );
  }

  // Ready means: app.info answered, a profile is signed in and the first routes.list came back, so what is shown is real.
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
