/** A real SQLite store in a temp folder with the demo route, its work orders and van stock. */
import { join } from 'node:path';
import { loadDemoRoute } from '../../electron/services/fieldmeter';
import { openStore, type Store } from '../../electron/services/store';
import type { Actor } from '../../electron/services/store/repositories/journal';

export function openDemoStore(dir: string, actor: Actor): Store {
  const store = openStore(join(dir, 'demo.db'));
  loadDemoRoute(store, actor);
  return store;
}
