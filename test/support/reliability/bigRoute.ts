/** A large route read list as CSV text: one kWh register per meter, for crash and memory tests. */
import { HEADER, KWH } from '../routeCsv';

export function bigRouteCsv(routeId: string, meters: number): string {
  const lines: string[] = [HEADER];
  for (let i = 1; i <= meters; i++) {
    const n = String(i).padStart(6, '0');
    lines.push(`${routeId},Big route,${i},UP-${n},"${i} Long Road",S${n},${KWH},,6,0,1,${1000 + (i % 5000)},2026-10-01,,ACC-${n},,`);
  }
  return lines.join('\n') + '\n';
}
