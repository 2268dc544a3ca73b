/**
 * Stacked bars drawn with uPlot (issue 10 dashboard), with the numbers as a table beside the
 * chart for screen readers and for reading exact values in the sun. uPlot has no stacking of its
 * own: each segment is drawn as the running total up to it, largest first, so the smaller totals
 * paint over it and every segment shows its own band.
 */
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface Segment {
  readonly key: string;
  readonly label: string;
  readonly color: string;
  readonly values: readonly number[];
}

interface Props {
  readonly id: string;
  readonly title: string;
  /** One bar per category (route, technician, day…). */
  readonly categories: readonly string[];
  readonly segments: readonly Segment[];
  readonly categoryHeader: string;
  readonly empty: string;
  /** Columns only the table shows (what was left to do at the end of a day…). */
  readonly tableOnly?: readonly Omit<Segment, 'color'>[];
  format(n: number): string;
}

const HEIGHT = 180;
/** More bars than this stay readable only in the table. */
const MAX_BARS = 24;
const short = (label: string) => (label.length > 12 ? `${label.slice(0, 11)}…` : label);

export function StackedBars({ id, title, categories, segments, categoryHeader, empty, tableOnly = [], format }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const shown = categories.slice(0, MAX_BARS);
  const key = JSON.stringify([categories, segments.map((s) => s.values)]);

  useEffect(() => {
    const el = box.current;
    if (!el || shown.length === 0) return;
    const xs = shown.map((_, i) => i + 1);
    const running = segments.map((_, k) => shown.map((__, i) => segments.slice(0, k + 1).reduce((sum, s) => sum + (s.values[i] ?? 0), 0)));
    const order = segments.map((_, k) => k).reverse();
    const bars = uPlot.paths.bars?.({ size: [0.6, 64] });
    const plot = new uPlot(
      {
        width: Math.max(260, el.clientWidth),
        height: HEIGHT,
        legend: { show: false },
        cursor: { show: false },
        scales: { x: { time: false, range: [0.4, xs.length + 0.6] }, y: { range: (_u, _min, max) => [0, Math.max(1, max * 1.1)] } },
        axes: [
          {
            values: (_u, splits) => splits.map((v) => (Number.isInteger(v) && shown[v - 1] !== undefined ? short(shown[v - 1]!) : '')),
            splits: () => xs,
            font: '12px system-ui, sans-serif',
            stroke: '#2c3440',
          },
          {
            values: (_u, splits) => splits.map((v) => (Number.isInteger(v) ? format(v) : '')),
            font: '12px system-ui, sans-serif',
            stroke: '#2c3440',
            size: 56,
          },
        ],
        series: [
          {},
          ...order.map((k) => ({
            label: segments[k]!.label,
            stroke: segments[k]!.color,
            fill: segments[k]!.color,
            width: 0,
            paths: bars,
            points: { show: false },
          })),
        ],
      },
      [xs, ...order.map((k) => running[k]!)],
      el,
    );
    return () => plot.destroy();
  }, [key]); // the data's content, not its identity: a refetch with the same numbers keeps the canvas

  const summary = `${title}: ${categories.map((c, i) => `${c} ${segments.map((s) => `${s.label} ${format(s.values[i] ?? 0)}`).join(', ')}`).join('; ')}`;
  return (
    <section className="review-card dashboard-chart" aria-labelledby={`${id}-title`} data-testid={`dashboard-${id}`}>
      {/* h2: the charts sit directly under the page's h1 (axe heading-order, WCAG 1.3.1). */}
      <h2 id={`${id}-title`}>{title}</h2>
      {categories.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <>
          <ul className="dashboard-legend" aria-hidden="true">
            {segments.map((s) => (
              <li key={s.key}>
                <span className="dashboard-swatch" style={{ background: s.color }} />
                {s.label}
              </li>
            ))}
          </ul>
          <div ref={box} className="dashboard-canvas" role="img" aria-label={summary} data-testid={`dashboard-${id}-chart`} />
          <table className="dashboard-table">
            <thead>
              <tr>
                <th scope="col">{categoryHeader}</th>
                {[...segments, ...tableOnly].map((s) => (
                  <th key={s.key} scope="col">
                    {s.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {categories.map((c, i) => (
                <tr key={c} data-testid={`dashboard-${id}-row`}>
                  <th scope="row">{c}</th>
                  {[...segments, ...tableOnly].map((s) => (
                    <td key={s.key} data-testid={`dashboard-${id}-${s.key}`}>
                      {format(s.values[i] ?? 0)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
