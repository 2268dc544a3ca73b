/**
 * Migration 32: the last invocation counter accepted from each DLMS sender, named by its system
 * title (8 octets as 16 hex digits), so that a HAN/P1 push whose counter did not go forward is
 * refused as a replay (Green Book §9.2.7.2.4.4), also after the app was restarted. Only a push
 * that decrypted and decoded moves it: a forged counter cannot push the meter's own pushes out.
 */
export default {
  version: 32,
  name: 'dlms_push_counters',
  sql: `
CREATE TABLE dlms_push_counters (
  system_title TEXT PRIMARY KEY CHECK (length(system_title) = 16 AND system_title NOT GLOB '*[^0-9A-F]*'),
  invocation_counter INTEGER NOT NULL CHECK (invocation_counter BETWEEN 0 AND 4294967295),
  heard_at TEXT NOT NULL
) STRICT;
`,
};
