/**
 * Use per visit as bars, one series per cumulative register, drawn with uPlot on a canvas.
 * uPlot sets styles through the DOM (no <style> injection) and its CSS is imported through
 * Vite, so it runs under the strict CSP. Visits are evenly spaced (x = visit number) and
 * labelled with their date, so two visits on one day do not collapse into one point.
 */
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { Register } from '../../../../shared/contract/entities';
import { formatAmount } from '../meter/useWarningText';
import { usePoints, type HistoryRow } from './history';
import { useRegisterName } from '../../lib/registerName';

const usageOf = (row: HistoryRow, registerId: number) => row.cells[registerId]?.usage ?? null;
const COLORS = ['#0a3d8f', '#b35c00', '#0b6b2c', '#6b1f8a'];
const HEIGHT = 200;

interface Props {
  rows: readonly HistoryRow[];
  registers: readonly Register[];
  locale: string;
  label: string;
  shortDate(iso: string): string;
}

export function ConsumptionChart({ rows, registers, locale, label, shortDate }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const cumulative = registers.filter((r) => r.kind === 'cumulative');
  const oldestFirst = [...rows].reverse();
  const points = usePoints(rows, registers);
  const nameOf = useRegisterName(); // follows the locale, as shortDate does

  useEffect(() => {
    const el = box.current;
    if (!el || points === 0) return;
    const xs = oldestFirst.map((_, i) => i + 1);
    const series = cumulative.map((r) =>
      oldestFirst.map((row) => {
        const u = usageOf(row, r.id);
        return u === null ? null : Number(u);
      }),
    );
    const width = Math.max(280, el.clientWidth);
    // One register: bars. Several: lines with points (grouped bars would need offsets per series).
    const single = cumulative.length === 1;
    const plot = new uPlot(
      {
        width,
        height: HEIGHT,
        legend: { show: cumulative.length > 1 },
        cursor: { show: false },
        scales: { x: { time: false, range: [0.4, xs.length + 0.6] }, y: { range: (_u, _min, max) => [0, Math.max(1, max * 1.15)] } },
        axes: [
          {
            values: (_u, splits) =>
              splits.map((v) => (Number.isInteger(v) && oldestFirst[v - 1] ? shortDate(oldestFirst[v - 1]!.readAt) : '')),
            splits: () => xs,
            font: '13px system-ui, sans-serif',
            stroke: '#2c3440',
          },
          {
            values: (_u, splits) => splits.map((v) => formatAmount(v, locale)),
            font: '13px system-ui, sans-serif',
            stroke: '#2c3440',
            size: 56,
          },
        ],
        series: [
          {},
          ...cumulative.map((r, i) => ({
            label: `${nameOf(r.label, r.readingType)} (${r.unit})`,
            stroke: COLORS[i % COLORS.length],
            fill: single ? COLORS[i % COLORS.length] : undefined,
            width: single ? 0 : 2,
            ...(single ? { paths: uPlot.paths.bars?.({ size: [0.6, 60] }) } : {}),
            points: { show: !single, size: 8 },
          })),
        ],
      },
      [xs, ...series],
      el,
    );
    return () => plot.destroy();
  }, [rows, registers, locale, points]); // shortDate follows the locale

  if (points === 0) return null;
  return <div ref={box} className="consumption-chart" role="img" aria-label={label} data-testid="consumption-chart" data-points={points} />;
}
