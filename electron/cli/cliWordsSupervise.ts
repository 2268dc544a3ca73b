/**
 * The lines of the office-side commands (`keys`, `audit`, `receipt`, `profile`, `pan`, `export`)
 * in English and German (issue 16 §3); part of cliWords.ts. Identifiers (codes, hashes, EUI-64s)
 * are filled in as they are.
 */
export const superviseWordsEn = {
  keys: {
    imported: 'Imported {{imported}} keys: {{added}} added, {{replaced}} replaced.',
    counted:
      '{{total}} meter keys: {{mbus}} M-Bus, {{encryption}} DLMS encryption, {{authentication}} DLMS authentication, {{password}} DLMS passwords.',
    deleted: 'Deleted {{deleted}} key(s) of {{meter}}.',
  },
  audit: {
    holds:
      'The audit log holds: {{rows}} rows, each chained to the one before. Last hash {{hash}} — keep it to check later that no row was cut off the end.',
    noRows: '(no rows)',
  },
  receipt: {
    intact: 'Intact: code {{code}} belongs to the data this receipt carries ({{visit}}).',
    matchesDatabase: ' It matches the visit stored in the database.',
    unknownVisit: 'unknown visit',
  },
  profile: {
    added: 'Added profile {{name}} ({{role}}).',
    none: 'No profiles yet.',
  },
  pan: {
    valid: 'Valid. EUI-64 {{eui64}}, CRC {{crc}}, link key {{linkKey}}',
  },
  export: {
    wrote: 'Wrote {{rows}} readings to {{path}} ({{bytes}} bytes).',
  },
};

export const superviseWordsDe: typeof superviseWordsEn = {
  keys: {
    imported: '{{imported}} Schlüssel importiert: {{added}} neu, {{replaced}} ersetzt.',
    counted:
      '{{total}} Zählerschlüssel: {{mbus}} M-Bus, {{encryption}} DLMS-Verschlüsselung, {{authentication}} DLMS-Authentifizierung, {{password}} DLMS-Passwörter.',
    deleted: '{{deleted}} Schlüssel von {{meter}} gelöscht.',
  },
  audit: {
    holds:
      'Das Prüfprotokoll ist unversehrt: {{rows}} Zeilen, jede mit der vorigen verkettet. Letzter Hash {{hash}} — bewahren Sie ihn auf, um später zu prüfen, dass am Ende keine Zeile abgeschnitten wurde.',
    noRows: '(keine Zeilen)',
  },
  receipt: {
    intact: 'Unversehrt: Code {{code}} gehört zu den Daten dieser Quittung ({{visit}}).',
    matchesDatabase: ' Sie stimmt mit dem in der Datenbank gespeicherten Besuch überein.',
    unknownVisit: 'unbekannter Besuch',
  },
  profile: {
    added: 'Profil {{name}} ({{role}}) angelegt.',
    none: 'Noch keine Profile.',
  },
  pan: {
    valid: 'Gültig. EUI-64 {{eui64}}, CRC {{crc}}, Link-Schlüssel {{linkKey}}',
  },
  export: {
    wrote: '{{rows}} Ablesungen nach {{path}} geschrieben ({{bytes}} Bytes).',
  },
};
