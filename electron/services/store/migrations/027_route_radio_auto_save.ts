/**
 * Migration 27: whether a route saves its radio meters as soon as they are heard (issue 23: "saves
 * each heard meter's registers … with one tap, or automatically, as the route's setting says").
 * A route setting, not a device one: the office plans a drive-by route to save on its own and a
 * check route to be confirmed meter by meter, whoever walks it. Off by default: nothing is saved
 * without a tap until a supervisor turns it on. A re-import of the route keeps it.
 */
export default {
  version: 27,
  name: 'route_radio_auto_save',
  sql: `
ALTER TABLE routes ADD COLUMN radio_auto_save INTEGER NOT NULL DEFAULT 0 CHECK (radio_auto_save IN (0, 1));
`,
};
