/**
 * Migration 18: where a usage point is (issue 24 §4), from the route file's optional `latitude` and
 * `longitude` columns (WGS 84 degrees, as GPS gives them). They place the stop on the route map
 * and let the supervisor see a reading taken far from its stop. Both or neither.
 */
export default {
  version: 18,
  name: 'stop_coordinates',
  sql: `
ALTER TABLE usage_points ADD COLUMN latitude REAL CHECK (latitude IS NULL OR latitude BETWEEN -90 AND 90);
ALTER TABLE usage_points ADD COLUMN longitude REAL CHECK (longitude IS NULL OR longitude BETWEEN -180 AND 180);
`,
};
