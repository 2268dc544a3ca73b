/**
 * The work screen: routes | meter list | reading form. Side by side at 1280×800; on a tablet held
 * upright or a phone one pane at a time (styles/layout.css), chosen by how far the user went.
 */
import { MeterListPanel } from '../features/meters/MeterListPanel';
import { ReadingPanel } from '../features/meter/ReadingPanel';
import { RoutesPanel } from '../features/routes/RoutesPanel';
import { useNavStore } from './navStore';

export type WorkspacePane = 'routes' | 'meters' | 'meter';

export function Workspace() {
  const routeId = useNavStore((s) => s.routeId);
  const usagePointId = useNavStore((s) => s.usagePointId);
  const pane: WorkspacePane = usagePointId ? 'meter' : routeId ? 'meters' : 'routes';
  return (
    <main className="workspace" data-pane={pane} data-testid="workspace">
      <RoutesPanel />
      {/* Keyed by route: another route starts with an empty search. */}
      <MeterListPanel key={routeId ?? ''} />
      <ReadingPanel />
    </main>
  );
}
