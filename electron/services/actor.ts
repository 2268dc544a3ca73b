/** Who is acting on this device (the local profile), and the demo route loaded in their name. */
import { DEMO_FILE_NAME, demoRouteCsv } from './demo/demoRoute';
import { importRoute } from './routes/importRoute';
import { seedDemoWorkOrders } from './workOrders/demo';
import { seedDemoSwitching } from './switching/demo';
import type { Store } from './store';
import type { Actor } from './store/repositories/journal';

export function currentActor(store: Store): Actor {
  const role = store.settings.get('user.role');
  return {
    name: store.settings.get('user.name') ?? 'field user',
    role: role === 'installer' || role === 'supervisor' ? role : 'technician',
  };
}

export function loadDemoRoute(store: Store, actor: Actor = currentActor(store)) {
  const summary = importRoute(store, actor, { fileName: DEMO_FILE_NAME, content: demoRouteCsv(), acceptValidRows: false, trainingMode: true });
  seedDemoWorkOrders(store, actor); // issue 8: demo work orders and van stock
  seedDemoSwitching(store, actor); // issue 9: demo switch orders and customer agreements
  return summary;
}
