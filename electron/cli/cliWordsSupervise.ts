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
    line: {
      manufacturer: 'the manufacturer is not three letters',
      id: 'the meter id is not 1–8 hex digits',
      kind: 'the kind is not mbus, dlms.encryption, dlms.authentication or dlms.password (mbus needs a manufacturer)',
      key: 'the key is not 32 hex digits (a dlms.password: 2–32 hex digits, the password’s bytes)',
      header: 'the header needs the columns manufacturer, id and key',
      duplicate: 'the same meter and kind appear twice',
      syntax: 'the line is not valid CSV',
    },
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
    line: {
      manufacturer: 'der Hersteller ist nicht drei Buchstaben lang',
      id: 'die Zählernummer ist nicht 1–8 Hex-Ziffern lang',
      kind: 'die Art ist nicht mbus, dlms.encryption, dlms.authentication oder dlms.password (mbus braucht einen Hersteller)',
      key: 'der Schlüssel ist nicht 32 Hex-Ziffern lang (ein dlms.password: 2–32 Hex-Ziffern, die Bytes des Passworts)',
      header: 'die Kopfzeile braucht die Spalten manufacturer, id und key',
      duplicate: 'derselbe Zähler steht mit derselben Art zweimal in der Datei',
      syntax: 'die Zeile ist kein gültiges CSV',
    },
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
