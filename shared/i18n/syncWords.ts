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
    /** What the connection did on the last try (shared/contract/syncStop.ts `networkReasons`). */
    network: {
      refused: 'The office’s server refused the connection ({{systemCode}}): check the endpoint address and that the server is running.',
      timedOut: 'The office’s server did not answer in time: check the network, or sync again later.',
      dnsFailed: 'The server’s name was not found ({{systemCode}}): check the endpoint address and the network connection.',
      tlsFailed:
        'The secure connection could not be set up ({{systemCode}}): check the server’s certificate, the trusted CA and the endpoint address.',
      reset: 'The connection was cut off ({{systemCode}}): check the network, or sync again later.',
      brokeOff: 'The reply broke off before it was complete: check the network, or sync again later.',
      hostUnreachable: 'The network does not reach the office’s server ({{systemCode}}): check the network connection.',
      notHttp: 'The endpoint address is not an http(s) address: correct it under Sync → Endpoint.',
      notAllowed: 'A message was addressed to a server the integration profile does not allow.',
      httpStatus: 'The last try was answered with HTTP {{status}}.',
      otherMessage: 'The reply answered another message, so it could not count as this one’s answer.',
      failed: 'The connection failed: check the network, or sync again later.',
    },
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
    network: {
      refused:
        'Der Server des Büros hat die Verbindung abgelehnt ({{systemCode}}): Prüfen Sie die Adresse des Endpunkts und ob der Server läuft.',
      timedOut: 'Der Server des Büros hat nicht rechtzeitig geantwortet: Prüfen Sie das Netz oder gleichen Sie später erneut ab.',
      dnsFailed: 'Der Name des Servers wurde nicht gefunden ({{systemCode}}): Prüfen Sie die Adresse des Endpunkts und die Netzverbindung.',
      tlsFailed:
        'Die sichere Verbindung kam nicht zustande ({{systemCode}}): Prüfen Sie das Zertifikat des Servers, die vertrauenswürdige CA und die Adresse des Endpunkts.',
      reset: 'Die Verbindung wurde getrennt ({{systemCode}}): Prüfen Sie das Netz oder gleichen Sie später erneut ab.',
      brokeOff: 'Die Antwort brach ab, bevor sie vollständig war: Prüfen Sie das Netz oder gleichen Sie später erneut ab.',
      hostUnreachable: 'Das Netz erreicht den Server des Büros nicht ({{systemCode}}): Prüfen Sie die Netzverbindung.',
      notHttp: 'Die Adresse des Endpunkts ist keine http(s)-Adresse: Korrigieren Sie sie unter Abgleich → Endpunkt.',
      notAllowed: 'Eine Nachricht war an einen Server gerichtet, den das Integrationsprofil nicht zulässt.',
      httpStatus: 'Der letzte Versuch wurde mit HTTP {{status}} beantwortet.',
      otherMessage: 'Die Antwort galt einer anderen Nachricht und konnte daher nicht als Antwort auf diese zählen.',
      failed: 'Die Verbindung ist fehlgeschlagen: Prüfen Sie das Netz oder gleichen Sie später erneut ab.',
    },
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
