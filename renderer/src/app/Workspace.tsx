/** The work screen at 1280×800: routes | meter list | reading form, side by side. */
import { MeterListPanel } from '../features/meters/MeterListPanel';
import { ReadingPanel } from '../features/meter/ReadingPanel';
import { RoutesPanel } from '../features/routes/RoutesPanel';
import { useNavStore } from './navStore';

export function Workspace() {
  const routeId = useNavStore((s) => s.routeId);
  return (
    <main className="workspace">
      <RoutesPanel />
      {/* Keyed by route: another route starts with an empty search. */}
      <MeterListPanel key={routeId ?? ''} />
      <ReadingPanel />
    </main>
  );
}
