/**
 * Property tests (fast-check) draw from one seed per run. `npm test` fixes it, so a run in CI
 * is repeatable and fails only for a change; `FIELDMETER_PROPERTY_SEED=random` explores new
 * inputs (and a failure prints the seed and the path to replay it).
 */
import fc from 'fast-check';

const chosen = process.env.FIELDMETER_PROPERTY_SEED;
if (chosen && chosen !== 'random') {
  const seed = Number(chosen);
  if (!Number.isSafeInteger(seed)) throw new Error(`FIELDMETER_PROPERTY_SEED must be a whole number or "random", not "${chosen}"`);
  fc.configureGlobal({ seed });
}
