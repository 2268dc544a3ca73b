/**
 * The route as a plain SVG plot of the stops by their coordinates (schematic.ts): works offline,
 * always. Each status has its own shape as well as its colour (WCAG 1.4.1: not colour alone), and
 * every stop is a button with its sequence, address and status.
 */
import { useTranslation } from 'react-i18next';
import type { PlacedStop, SchematicPlot } from './schematic';

const R = 7;

export function StopMark({
  status,
  x,
  y,
  next = false,
  hit = false,
}: {
  status: PlacedStop['status'];
  x: number;
  y: number;
  next?: boolean;
  hit?: boolean;
}) {
  return (
    <g className={`map-stop map-${status}${next ? ' map-next' : ''}`}>
      {/* A 44×44 touch target around a small mark (WCAG 2.2, 2.5.5). */}
      {hit && <circle cx={x} cy={y} r={22} className="map-hit" />}
      {next && <circle cx={x} cy={y} r={R * 2} className="map-next-ring" />}
      {status === 'skipped' ? (
        <rect x={x - R} y={y - R} width={2 * R} height={2 * R} />
      ) : status === 'read' ? (
        <>
          <circle cx={x} cy={y} r={R} />
          <path d={`M${x - 3.5},${y} l2.5,3 l4.5,-6`} className="map-tick" />
        </>
      ) : (
        <circle cx={x} cy={y} r={R} className="map-ring" />
      )}
    </g>
  );
}

export function SchematicMap({
  plot,
  position,
  onOpen,
}: {
  plot: SchematicPlot;
  position: { x: number; y: number } | null;
  onOpen(usagePointId: string): void;
}) {
  const { t } = useTranslation();
  // The label's translation once per drawing, its values filled in per stop: i18next's t() per
  // stop was most of the time of drawing a 600-stop route (bench/fieldEvidence.ts).
  const template = t('map.stopLabel', { sequence: '\u0001', address: '\u0002', status: '\u0003' });
  const statusText = { read: t('map.status.read'), skipped: t('map.status.skipped'), todo: t('map.status.todo') };
  const label = (p: PlacedStop) =>
    template
      .replace('\u0001', String(p.stop.sequence))
      .replace('\u0002', () => p.stop.address)
      .replace('\u0003', statusText[p.status]);
  return (
    <svg
      className="map-schematic"
      data-testid="map-schematic"
      viewBox={`0 0 ${plot.width} ${plot.height}`}
      role="group"
      aria-label={t('map.schematic')}
    >
      <polyline points={plot.path} className="map-path" />
      {plot.placed.map((p) => (
        <a
          key={p.stop.usagePointId}
          href={`#stop-${p.stop.usagePointId}`}
          data-testid="map-stop"
          data-status={p.status}
          data-usage-point={p.stop.usagePointId}
          data-next={plot.next === p ? 'true' : undefined}
          aria-label={label(p)}
          onClick={(e) => {
            e.preventDefault();
            onOpen(p.stop.usagePointId);
          }}
        >
          <title>{label(p)}</title>
          <StopMark status={p.status} x={p.x} y={p.y} next={plot.next === p} hit />
        </a>
      ))}
      {plot.next && (
        <text x={plot.next.x + 2 * R + 4} y={plot.next.y + 5} className="map-next-label">
          {plot.next.stop.sequence}
        </text>
      )}
      {position && (
        <g data-testid="map-position" className="map-position">
          <circle cx={position.x} cy={position.y} r={9} />
          <title>{t('map.position')}</title>
        </g>
      )}
    </svg>
  );
}
