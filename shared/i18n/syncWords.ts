/**
 * The words of a stopped sync run (shared/contract/syncStop.ts, by reason) and of a problem with the
 * sync credentials (by `credentials`), in both languages: part of the error catalogs
 * (errorWords.*.ts), so the Sync screen and the CLI say them alike.
 */
export const syncWordsEn = {
  syncStop: {
    credentials: 'The office’s system refused the sign-in (HTTP {{status}}).',
    httpStatus: 'The endpoint answered HTTP {{status}}. Check that the endpoint address is right.',
    badReply: 'The reply to message {{messageId}} could not be trusted, so nothing was marked as sent.',
    replyTooLarge: 'The reply was too large to be read, so nothing was marked as sent.',
    cancelled: 'Sync cancelled. What was not answered stays in the outbox and goes with the next sync.',
    unreachable: 'The office could not be reached after {{attempts}} tries. Everything not answered stays in the outbox; sync again later.',
    inboundFailed: 'Everything was sent, but the office’s messages for this device could not be fetched.',
    recorded: 'The sync stopped ({{code}}). As recorded then: {{text}}',
  },
  credentials: {
    missing:
      'The office’s system asks for a user and password (or a token), and none are set. A supervisor stores them under Sync → Endpoint.',
    undecryptable:
      'The stored credentials cannot be read with this device’s key (the data was copied from another computer, or its keyring was reset). A supervisor stores them again.',
    refused: 'Check the sync user, password or token, or the client certificate.',
    otherOrigin: 'The stored credentials were given for another server. Store them again for this endpoint.',
    noEndpoint: 'Save the endpoint first: credentials are kept for that server only.',
    unavailable: 'Secure storage is not available on this computer; the credentials were not saved.',
    plainTextKey:
      'This computer has no keyring, so the credentials could only be kept under a key known to everyone; they were not saved. Install and unlock a keyring (GNOME Keyring or KWallet) and start Fieldmeter again, or start it with --password-store=gnome-libsecret.',
    storage: 'The credentials could not be stored on this computer; nothing was saved. Try again, or ask support.',
  },
};

export const syncWordsDe: typeof syncWordsEn = {
  syncStop: {
    credentials: 'Das System des Büros hat die Anmeldung abgelehnt (HTTP {{status}}).',
    httpStatus: 'Der Endpunkt antwortete mit HTTP {{status}}. Prüfen Sie, ob die Adresse des Endpunkts stimmt.',
    badReply: 'Der Antwort auf Nachricht {{messageId}} war nicht zu trauen; nichts wurde als gesendet markiert.',
    replyTooLarge: 'Die Antwort war zu groß zum Lesen; nichts wurde als gesendet markiert.',
    cancelled: 'Abgleich abgebrochen. Was nicht beantwortet wurde, bleibt im Postausgang und geht beim nächsten Abgleich mit.',
    unreachable:
      'Das Büro war nach {{attempts}} Versuchen nicht erreichbar. Alles Unbeantwortete bleibt im Postausgang; gleichen Sie später erneut ab.',
    inboundFailed: 'Alles wurde gesendet, aber die Nachrichten des Büros für dieses Gerät konnten nicht abgeholt werden.',
    recorded: 'Der Abgleich wurde angehalten ({{code}}). Damals festgehalten: {{text}}',
  },
  credentials: {
    missing:
      'Das System des Büros verlangt Benutzer und Passwort (oder ein Token), und keine sind hinterlegt. Der Disponent hinterlegt sie unter Abgleich → Endpunkt.',
    undecryptable:
      'Die gespeicherten Zugangsdaten lassen sich mit dem Schlüssel dieses Geräts nicht lesen (die Daten wurden von einem anderen Rechner kopiert, oder sein Schlüsselbund wurde zurückgesetzt). Der Disponent hinterlegt sie neu.',
    refused: 'Prüfen Sie Benutzer, Passwort oder Token für den Abgleich oder das Client-Zertifikat.',
    otherOrigin: 'Die gespeicherten Zugangsdaten wurden für einen anderen Server angegeben. Hinterlegen Sie sie für diesen Endpunkt neu.',
    noEndpoint: 'Speichern Sie zuerst den Endpunkt: Zugangsdaten gelten nur für diesen Server.',
    unavailable: 'Sicherer Speicher ist auf diesem Rechner nicht verfügbar; die Zugangsdaten wurden nicht gespeichert.',
    plainTextKey:
      'Dieser Rechner hat keinen Schlüsselbund, die Zugangsdaten wären nur mit einem allgemein bekannten Schlüssel verschlüsselt; sie wurden nicht gespeichert. Richten Sie einen Schlüsselbund ein (GNOME Keyring oder KWallet), entsperren Sie ihn und starten Sie Fieldmeter neu, oder starten Sie es mit --password-store=gnome-libsecret.',
    storage:
      'Die Zugangsdaten konnten auf diesem Rechner nicht gespeichert werden; nichts wurde gesichert. Versuchen Sie es erneut oder wenden Sie sich an den Support.',
  },
};
