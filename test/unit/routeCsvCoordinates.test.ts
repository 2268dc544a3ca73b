/** The route file's optional latitude/longitude columns (issue 24 §4): WGS 84 decimal degrees, both or neither. */
import { describe, expect, it } from 'vitest';
import { parseRouteCsv } from '../../electron/services/routes/routeCsv';
import { KWH } from '../support/routeCsv';

const header = 'route_id,sequence,usage_point_id,address,meter_serial,reading_type,dials,latitude,longitude';
const line = (seq: number, latitude: string, longitude: string) =>
  `R1,${seq},UP-${seq},"${seq} Main St",E${seq},${KWH},6,${latitude},${longitude}`;

describe('route CSV coordinates', () => {
  it('reads latitude and longitude as numbers, and a stop without them as null', () => {
    const { rows, problems } = parseRouteCsv(
      [header, line(1, '52.5200', '13.4050'), line(2, '-33.8688', '151.2093'), line(3, '', '')].join('\n'),
    );
    expect(problems).toEqual([]);
    expect(rows.map((r) => [r.latitude, r.longitude])).toEqual([
      [52.52, 13.405],
      [-33.8688, 151.2093],
      [null, null],
    ]);
  });

  it('refuses a coordinate out of range, not a number, or one without the other, naming the row', () => {
    const { rows, problems } = parseRouteCsv(
      [
        header,
        line(1, '52.52', '13.40'),
        line(2, '91', '13.40'),
        line(3, '52.5', '-180.5'),
        line(4, 'north', '13.4'),
        line(5, '52.5', ''),
        line(6, '0x10', '1'),
      ].join('\n'),
    );
    expect(rows.map((r) => r.usagePointId)).toEqual(['UP-1']);
    expect(problems.map((p) => [p.line, p.column])).toEqual([
      [3, 'latitude'],
      [4, 'longitude'],
      [5, 'latitude'],
      [6, 'longitude'],
      [7, 'latitude'],
    ]);
    expect(problems[0]).toMatchObject({ code: 'notDegrees', details: { limit: 90 } });
  });

  it('reads decimal commas in a semicolon file', () => {
    const text = [header.replaceAll(',', ';'), `R1;1;UP-1;1 Main St;E1;${KWH};6;52,52;13,405`].join('\n');
    expect(parseRouteCsv(text).rows[0]).toMatchObject({ latitude: 52.52, longitude: 13.405 });
  });
});
