/** The routes on this device with their progress; choosing one shows its meters. */
import { useTranslation } from 'react-i18next';
import { useNavStore } from '../../app/navStore';
import { unreadCount } from '../meters/FilterChips';
import { useRoutesStore } from './routesStore';

export function RoutesPanel() {
  const { t } = useTranslation();
  const routes = useRoutesStore((s) => s.routes);
  const error = useRoutesStore((s) => s.error);
  const routeId = useNavStore((s) => s.routeId);
  const selectRoute = useNavStore((s) => s.selectRoute);

  return (
    <nav className="panel routes-panel" aria-labelledby="routes-title">
      <h2 id="routes-title" className="panel-title">
        {t('routes.title')}
      </h2>
      {error && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
      {routes.length === 0 && !error && <p className="muted">{t('routes.none')}</p>}
      <ul className="route-list" data-testid="route-list">
        {routes.map((route) => {
          const share = (n: number) => (route.total ? `${(n / route.total) * 100}%` : '0%');
          const done = route.read + route.skipped;
          return (
            <li key={route.id}>
              <button
                type="button"
                className={`route-item${route.id === routeId ? ' selected' : ''}`}
                aria-current={route.id === routeId ? 'true' : undefined}
                data-testid="route-item"
                data-route-id={route.id}
                onClick={() => selectRoute(route.id)}
              >
                <span className="route-name">{route.name}</span>
                {route.trainingMode && (
                  <span className="badge training" data-testid="training-badge">
                    {t('routes.training')}
                  </span>
                )}
                <span
                  className="route-progress"
                  data-testid="route-progress"
                  data-read={route.read}
                  data-skipped={route.skipped}
                  data-remaining={unreadCount(route)}
                  data-warnings={route.withWarnings}
                >
                  {t('routes.progress', { done, total: route.total })}
                </span>
                <span className="progress-bar" aria-hidden="true">
                  <span className="progress-fill" style={{ width: share(route.read) }} />
                  <span className="progress-fill skipped" style={{ width: share(route.skipped) }} />
                </span>
                <span className="route-counts" data-testid="route-counts">
                  <span>✓ {t('routes.read', { count: route.read })}</span>
                  <span>⤼ {t('routes.skipped', { count: route.skipped })}</span>
                  <span>{t('routes.remaining', { count: unreadCount(route) })}</span>
                  {route.withWarnings > 0 && <span className="warn">! {t('routes.withWarnings', { count: route.withWarnings })}</span>}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
