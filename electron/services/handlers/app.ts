import type { appMethods } from '../../../shared/contract/methods/app';
import { loadDemoRoute } from '../actor';
import { validationSettings } from '../readings/validationSettings';
import type { DomainHandlers, HandlerContext } from './context';

export function appHandlers({ store, actor, host, version }: HandlerContext): DomainHandlers<keyof typeof appMethods> {
  return {
    'app.info': () => {
      const locale = store.settings.get('locale');
      return {
        version,
        databasePath: store.path,
        schemaVersion: store.schemaVersion,
        firstRun: store.routes.count() === 0,
        host,
        locale: locale === 'de' ? 'de' : 'en',
        validation: validationSettings(store),
      };
    },
    'settings.setLocale': ({ locale }) => {
      store.settings.set('locale', locale);
      return { locale };
    },
    'demo.load': () => {
      const summary = loadDemoRoute(store, actor());
      return summary;
    },
  };
}
