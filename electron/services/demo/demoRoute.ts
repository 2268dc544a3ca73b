/**
 * The demo route: 50 meters (electricity, gas, water) in training mode, for a first look and
 * for training. It is built as route CSV and goes through the same importer as a real file.
 * Every register has an average daily use, so a value far off the expected use asks to be
 * confirmed (unusually high / low), and the last stop's meter stands just below all nines, so a
 * small value there is a rollover. The registers carry no label: their names come from the
 * ReadingType, in the user's language (README "Training").
 */
export const DEMO_ROUTE_ID = 'DEMO-01';
export const DEMO_FILE_NAME = 'demo-route.csv';

const header =
  'route_id,route_name,sequence,usage_point_id,address,meter_serial,reading_type,register_label,dials,decimals,multiplier,last_read,last_read_date,average_daily_use,latitude,longitude';

/** The stop whose meter is close to rollover: 6 dials at 999,900 with about 7 kWh a day, so it has gone round the nines by now. */
export const ROLLOVER_STOP = 50;
const ROLLOVER_LAST_READ = '999900';

/**
 * The stop whose meter answers the training probe in mode E and speaks DLMS/COSEM (issue 22 item 6,
 * electron/services/optical/trainingDlmsMeter.ts): sequence 110, a single-rate meter in kWh.
 */
export const DLMS_STOP = 11;
export const demoUsagePointId = (stop: number): string => `UP-${String(1000 + stop)}`;

const streets = ['Linden Street', 'Mill Lane', 'Station Road', 'Church Walk', 'Orchard Close'];
const kwh = '0.0.0.1.1.1.12.0.0.0.0.0.0.0.0.3.72.0';
const kwhT1 = '0.0.0.1.1.1.12.0.0.0.0.1.0.0.0.3.72.0';
const kwhT2 = '0.0.0.1.1.1.12.0.0.0.0.2.0.0.0.3.72.0';
const gasM3 = '0.0.0.1.1.7.58.0.0.0.0.0.0.0.0.0.42.0';
const waterM3 = '0.0.0.1.1.9.58.0.0.0.0.0.0.0.0.0.42.0';

/** A small deterministic generator so the demo route is the same on every machine. */
function* lcg(seed: number): Generator<number, never> {
  let state = seed >>> 0;
  for (;;) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    yield state / 2 ** 32;
  }
}

/**
 * Where demo stop i stands: a walk up and down ten streets, about 60 m between houses and 130 m
 * between streets (a made-up town; computed, not drawn from the generator, so the other columns
 * stay as they were).
 */
export function demoCoordinates(i: number): [string, string] {
  const street = Math.floor((i - 1) / 10);
  const house = (i - 1) % 10;
  const along = street % 2 === 0 ? house : 9 - house;
  return [(52.3759 - street * 0.0012).toFixed(6), (9.732 + along * 0.0009).toFixed(6)];
}

export function demoRouteCsv(stops = 50): string {
  const random = lcg(61968);
  const next = () => random.next().value;
  const lines = [header];
  for (let i = 1; i <= stops; i++) {
    const upId = demoUsagePointId(i);
    const address = `${1 + Math.floor(next() * 120)} ${streets[i % streets.length]}, Springfield`;
    const lastDate = `2026-${String(8 + (i % 3)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
    const [latitude, longitude] = demoCoordinates(i);
    const row = (serial: string, type: string, dials: number, decimals: number, value: string, averageDailyUse: string) =>
      lines.push(
        `${DEMO_ROUTE_ID},Demo route (training),${i * 10},${upId},"${address}",${serial},${type},,${dials},${decimals},1,${value},${lastDate},${averageDailyUse},${latitude},${longitude}`,
      );
    // Daily use a household has: 6–12 kWh, by day 4–8 and by night 2–4, 2.5 m³ of gas in winter, 0.3 m³ of water.
    if (i % 10 === 3) {
      row(`G${String(700000 + i)}`, gasM3, 5, 3, (next() * 9000).toFixed(3), '2.5');
    } else if (i % 10 === 7) {
      row(`W${String(500000 + i)}`, waterM3, 5, 2, (next() * 2000).toFixed(2), '0.3');
    } else if (i % 4 === 0) {
      const serial = `E${String(3100000 + i)}`;
      row(serial, kwhT1, 6, 1, (next() * 40000).toFixed(1), String(4 + (i % 5)));
      row(serial, kwhT2, 6, 1, (next() * 20000).toFixed(1), String(2 + (i % 3)));
    } else {
      const random = String(Math.floor(next() * 90000));
      row(`E${String(3100000 + i)}`, kwh, 6, 0, i === ROLLOVER_STOP ? ROLLOVER_LAST_READ : random, String(6 + (i % 7)));
    }
  }
  return lines.join('\n') + '\n';
}
