/**
 * The words of every coded error (issue 16 §3), German: `code` for the codes whose own words
 * say it all, `reason` for each reason of shared/contract/errorDetails.ts (with its fields as
 * {{placeholders}}). Shared by the renderer's catalog and the CLI; a test checks every reason has words.
 */
import { dlmsReasonWordsDe } from './dlmsReasonWords';
import { importWordsDe } from './importWords';
import { inboundWordsDe } from './inboundWords';
import { meterModelWordsDe } from './meterModelWords';
import { schemaFindingWordsDe } from './schemaFindingWords';
import { syncWordsDe } from './syncWords';
import { workOrderWordsDe } from './workOrderWords';
import { zodIssueWordsDe } from './zodIssueWords';

export const errorWordsDe = {
  ...importWordsDe,
  ...inboundWordsDe,
  ...meterModelWordsDe,
  ...schemaFindingWordsDe,
  ...syncWordsDe,
  ...workOrderWordsDe,
  ...zodIssueWordsDe,
  logRef: '(Support-Kennung: {{logId}})',
  forbiddenRole: 'Ihr Profil darf das nicht: Dafür ist die Rolle {{role}} nötig. Bitten Sie jemanden mit dieser Rolle, sich anzumelden.',
  code: {
    BAD_REQUEST: 'Die Anfrage wurde nicht verstanden. Laden Sie die Seite neu und versuchen Sie es erneut.',
    UNKNOWN_METHOD: 'Diese Version von Fieldmeter kennt diese Aktion nicht. Laden Sie die Seite neu.',
    UNAUTHORIZED: 'Dieses Fenster darf nicht mit Fieldmeter sprechen. Öffnen Sie es über die Adresse, die Fieldmeter ausgegeben hat.',
    NOT_FOUND: 'Das ist nicht mehr auf diesem Gerät. Laden Sie die Liste neu.',
    SIGN_IN_REQUIRED: 'Bitte zuerst anmelden.',
    SIGN_IN_FAILED: 'Die Anmeldung hat nicht geklappt.',
    FORBIDDEN: 'Ihr Profil darf das nicht. Fragen Sie den Disponenten.',
    VALIDATION: 'So kann es nicht gespeichert werden. Prüfen Sie die Eingaben.',
    NEEDS_CONFIRMATION: 'Prüfen Sie den Wert: Geben Sie ihn erneut ein oder nennen Sie einen Grund.',
    TOO_LARGE: 'Die Datei ist zu groß.',
    OPTICAL_READ_FAILED:
      'Der Zähler konnte über den Lesekopf nicht gelesen werden. Prüfen Sie, dass der Lesekopf am Zähler sitzt, und versuchen Sie es erneut.',
    OPTICAL_PROGRAM_FAILED: 'Das Programmieren des Zählers wurde nicht abgeschlossen.',
    IMPORT_REJECTED: 'Die Datei wurde nicht importiert.',
    DB_LOCKED:
      'Die Datenbank wird von einem anderen Programm benutzt. Schließen Sie andere Fieldmeter-Fenster und versuchen Sie es erneut.',
    DB_CORRUPT: 'Die Datenbankdatei ist beschädigt. Stellen Sie sie aus der Sicherung daneben wieder her, oder fragen Sie den Support.',
    DB_TOO_NEW: 'Die Datenbank wurde von einem neueren Fieldmeter geschrieben. Aktualisieren Sie Fieldmeter.',
    DISK_FULL: 'Der Speicher ist voll. Nichts Neues wurde gespeichert; schaffen Sie Platz und speichern Sie erneut.',
    READ_ONLY: 'Fieldmeter kann nicht in seinen Datenordner schreiben. Bisher Gespeichertes ist nicht verloren.',
    INTERNAL: 'In Fieldmeter ist etwas schiefgegangen. Ihre gespeicherten Daten sind sicher; versuchen Sie es erneut.',
  },
  /** Ein Fehler des Lesekopfs nach seinem Code (electron/services/serial/errors.ts): was geschah und was zu tun ist. */
  probe: {
    PORT_NOT_FOUND:
      'Der Anschluss des Lesekopfs wurde nicht gefunden. Prüfen Sie, ob der Lesekopf eingesteckt ist, und wählen Sie den Anschluss erneut.',
    PORT_BUSY: 'Ein anderes Programm benutzt den Anschluss des Lesekopfs. Schließen Sie es oder stecken Sie den Lesekopf neu ein.',
    PORT_DENIED: 'Dieser Benutzer darf den Anschluss des Lesekopfs nicht öffnen. Bitten Sie den Support, ihn freizugeben.',
    PORT_OPEN_FAILED: 'Der Anschluss des Lesekopfs ließ sich nicht öffnen. Stecken Sie den Lesekopf neu ein und prüfen Sie den Anschluss.',
    NO_RESPONSE:
      'Der Zähler hat nicht geantwortet. Reinigen Sie das Fenster des Lesekopfs, setzen Sie ihn mit dem Kabel nach unten auf die optische Schnittstelle und versuchen Sie es erneut.',
    BAD_IDENTIFICATION:
      'Die Antwort des Zählers war nicht lesbar. Reinigen Sie das Fenster des Lesekopfs, schützen Sie ihn vor Sonnenlicht und versuchen Sie es erneut.',
    DATA_TIMEOUT:
      'Der Zähler hat mittendrin aufgehört zu antworten. Halten Sie den Lesekopf ruhig auf der Schnittstelle und versuchen Sie es erneut.',
    CHECKSUM_FAILED:
      'Die Daten des Zählers kamen beschädigt an. Reinigen Sie das Fenster des Lesekopfs, schützen Sie ihn vor Sonnenlicht und versuchen Sie es erneut.',
    PROBE_DISCONNECTED: 'Der Lesekopf wurde abgezogen. Stecken Sie ihn wieder ein, prüfen Sie den Anschluss und versuchen Sie es erneut.',
    CANCELLED: 'Abgebrochen. Starten Sie erneut, wenn Sie bereit sind.',
    PROTOCOL_ERROR:
      'Der Zähler hat unerwartet geantwortet. Versuchen Sie es erneut; bleibt es so, speichern Sie die Lesekopf-Sitzung für den Support.',
    PASSWORD_REJECTED:
      'Der Zähler hat das Passwort abgelehnt. Prüfen Sie Passwort und Zählermodell; nicht blind wiederholen: viele Zähler sperren die optische Schnittstelle nach wenigen falschen Passwörtern.',
    COMMAND_REFUSED:
      'Der Zähler hat den Befehl abgelehnt. Prüfen Sie, ob das Zählermodell zum Zähler passt und das Passwort diesen Befehl erlaubt.',
    NOT_SUPPORTED:
      'Dieser Zähler oder sein Modell kann das nicht über die optische Schnittstelle. Erledigen Sie es im Lager oder lassen Sie das Zählermodell vom Disponenten prüfen.',
    MODEL_NOT_CONFIGURED:
      'Diesem Zählertyp ist kein Zählermodell zugeordnet: Er wird gelesen, aber nicht programmiert. Der Disponent ordnet das Modell zu.',
    SERIAL_MISMATCH:
      'Der Zähler am Lesekopf meldet die Nummer {{observedSerial}}, nicht {{expectedSerial}}: Es wurde nichts geschrieben. Prüfen Sie, ob der Lesekopf am richtigen Zähler ist; wenn ja, bestätigen Sie, um diesen Zähler zu programmieren.',
    SERIAL_MISMATCH_NONE:
      'Der Zähler am Lesekopf nennt seine Nummer nicht, daher lässt sich nicht prüfen, ob er {{expectedSerial}} ist: Es wurde nichts geschrieben. Wenn der Lesekopf am richtigen Zähler ist, bestätigen Sie, um ihn zu programmieren.',
    nothingWritten: 'Am Zähler wurde nichts geändert.',
  },
  /** Ein Schritt, den der Stand des Auftrags nicht zulässt, nach dem Code der Zustandsmaschine. */
  refusal: {
    switchCancelled:
      'Das Büro hat diesen Wechsel storniert. Führen Sie ihn nicht aus; wenn Sie vor Ort schon etwas getan haben, vermerken Sie es für das Büro.',
    switchFinished: 'Dieser Wechselauftrag ist schon abgeschlossen; es kann nichts mehr dazu erfasst werden.',
    outOfWindow:
      'Das liegt außerhalb des Wechselzeitraums. Geben Sie einen Grund an, damit das Büro den Stand auf den Wechseltag umrechnen kann.',
    readingGoesWithOutcome: 'Erfassen Sie das Ergebnis der Sperrung oder Entsperrung; der Zählerstand wird damit aufgenommen.',
    notDoneIsOutcome:
      'Eine Sperrung oder Entsperrung, die nicht möglich war, wird als ihr Ergebnis erfasst (verweigert, unsicher, Zähler nicht gefunden).',
    notReadNeedsReason: 'Geben Sie an, warum der Zähler nicht abgelesen werden konnte, damit das Büro den Wechselstand schätzen kann.',
    noControlOutcome: 'Nur eine Sperrung oder Entsperrung hat ein Schaltergebnis.',
    switchedHowMissing: 'Geben Sie an, wie geschaltet wurde: an Sicherung oder Schalter, oder mit dem Schalter des Zählers.',
    meterSwitchOperatedMissing: 'Geben Sie an, ob der Schalter des Zählers geschaltet hat.',
    meterSwitchFailed:
      'Der Schalter des Zählers hat nicht geschaltet, die Arbeit ist also nicht erledigt: schalten Sie vor Ort oder erfassen Sie, warum es nicht möglich war.',
    orderCompleted: 'Dieser Auftrag ist schon abgeschlossen; es kann nichts mehr dazu erfasst werden.',
    orderUnableToComplete: 'Dieser Auftrag wurde schon als nicht ausführbar gemeldet; bitten Sie das Büro um einen neuen.',
    orderCancelled:
      'Das Büro hat diesen Auftrag storniert. Führen Sie ihn nicht aus; melden Sie, was vor Ort getan wurde, damit das Büro nachfassen kann.',
    orderFinal: 'Dieser Auftrag ist abgeschlossen und kann sich nicht mehr ändern.',
    orderInProgress: 'Dieser Auftrag ist schon in Arbeit.',
    orderNotStarted: 'Beginnen Sie den Auftrag, bevor Sie ihn abschließen.',
    unableNeedsReason: 'Geben Sie an, warum die Arbeit nicht erledigt werden konnte, damit das Büro den nächsten Besuch planen kann.',
    unknownEvent: 'Dieser Schritt ist für diesen Auftrag nicht bekannt. Laden Sie den Auftrag neu.',
  },
  order: { workOrder: 'Arbeitsauftrag', switchOrder: 'Schaltauftrag' },
  state: {
    assigned: 'zugewiesen und noch nicht begonnen',
    inProgress: 'bereits in Arbeit',
    completed: 'bereits abgeschlossen',
    unableToComplete: 'bereits als nicht ausführbar gemeldet',
    cancelled: 'vom Büro storniert',
    estimateRequested: 'bereits zur Schätzung an das Büro gegeben',
  },
  action: {
    start: 'ihn beginnen',
    complete: 'ihn abschließen',
    unable: 'ihn als nicht ausführbar melden',
    cancel: 'ihn stornieren',
    read: 'seine Ablesung erfassen',
    notRead: 'erfassen, dass der Zähler nicht abgelesen werden konnte',
    control: 'das Schaltergebnis erfassen',
    reschedule: 'ihn verschieben',
  },
  refusalAdvice: {
    switchCancelled: 'Führen Sie ihn nicht aus; haben Sie vor Ort schon etwas getan, vermerken Sie es für das Büro.',
    orderCancelled: 'Führen Sie ihn nicht aus; melden Sie, was vor Ort getan wurde, damit das Büro nachfassen kann.',
    orderUnableToComplete: 'Bitten Sie das Büro um einen neuen Auftrag.',
  },
  reason: {
    profileExists: 'Ein Profil mit diesem Namen gibt es schon. Wählen Sie einen anderen Namen.',
    lastSupervisor: 'Der letzte Disponent kann nicht entfernt werden. Legen Sie zuerst einen weiteren Disponenten an.',
    profilesExist: 'Dieses Gerät hat schon Profile. Melden Sie sich an, oder fragen Sie den Disponenten.',
    noProfile: 'Dieses Profil gibt es auf diesem Gerät nicht.',
    profileInvalid: 'Diese Datei ist kein gültiges Integrationsprofil. Die Befunde stehen darunter.',
    profileNotJson: 'Diese Datei ist kein JSON. Ein Integrationsprofil ist eine JSON-Datei des Versorgers.',
    profileTooLarge: 'Diese Datei ist zu groß für ein Integrationsprofil.',
    schemaFolderTooLarge:
      'Dieser Ordner enthält mehr als {{limit}} Dateien, zu viele für einen Schema-Ordner. Wählen Sie den Ordner mit den Schemas des Versorgers selbst.',
    schemaFolderUnreadable: 'Der Schema-Ordner kann nicht gelesen werden. Prüfen Sie, ob er existiert und Fieldmeter ihn öffnen darf.',
    schemaFolderNoEnvelope:
      'Dieser Ordner enthält keine Message.xsd. Wählen Sie den Ordner mit den Schemas nach IEC 61968-100 und 61968-9 des Versorgers.',
    noXmllint:
      'Die Prüfung gegen Schemas braucht xmllint (libxml2) auf diesem Computer. Installieren Sie es oder lassen Sie den Schema-Ordner leer.',
    signatureNotPng: 'Die Unterschrift kam nicht als Bild an. Löschen Sie sie und unterschreiben Sie erneut.',
    signatureDamaged: 'Das Bild der Unterschrift kam beschädigt an. Löschen Sie sie und unterschreiben Sie erneut.',
    signatureTooLarge: 'Das Bild der Unterschrift ist zu groß. Löschen Sie sie und unterschreiben Sie erneut.',
    signatureTooWide: 'Das Bild der Unterschrift hat zu viele Pixel. Löschen Sie sie und unterschreiben Sie erneut.',
    alreadySigned: 'Dieser Besuch ist schon unterschrieben. Eine Unterschrift wird nie ersetzt.',
    visitNotFinished: 'Schließen Sie den Besuch zuerst ab: Zählerstand oder Ergebnis speichern, dann unterschreiben.',
    visitUnknown: 'Dieser Besuch ist nicht auf diesem Gerät. Laden Sie die Liste neu.',
    receiptUnknown: 'Diese Bestätigung gibt es nicht. Erstellen Sie sie erneut.',
    transcriptUnknown: 'Diese Aufzeichnung des Lesekopfs ist nicht auf diesem Gerät. Laden Sie die Liste neu.',
    demandResetNotVerified:
      'Der Zähler hat das Zurücksetzen des Maximums bestätigt, zeigt es aber nicht (Rückstellzähler oder Maximum unverändert). Es wurde als fehlgeschlagen gemeldet. Prüfen Sie den Zähler.',
    dlmsDemandResetNotConfigured:
      'Das Zählermodell dieses Zählertyps nennt kein Zurücksetzen des Maximums über DLMS, daher wurde es nicht versucht. An den Zähler wurde nichts gesendet. Der Disponent ergänzt es in der Modelldatei.',
    meterModelNotConfigured:
      'Diesem Zählertyp ist kein Zählermodell zugeordnet: Er wird ausgelesen, aber nicht programmiert. An den Zähler wurde nichts gesendet. Der Disponent ordnet das Modell zu.',
    option: 'Die Option {{option}} ist ungültig. Siehe --help.',
    optionNeeds: 'Die Option {{option}} braucht {{needs}}. Siehe --help.',
    malformed: 'Die Anfrage wurde nicht verstanden. Laden Sie die Seite neu und versuchen Sie es erneut.',
    notJson: 'Die Anfrage wurde nicht verstanden. Laden Sie die Seite neu und versuchen Sie es erneut.',
    notJsonType: 'Die Anfrage wurde nicht verstanden. Laden Sie die Seite neu und versuchen Sie es erneut.',
    bodyTooLarge: 'Das ist zu groß zum Senden: höchstens {{limitMb}} MB auf einmal. Senden Sie weniger oder eine kleinere Datei.',
    tooManyStreams:
      'Fieldmeter ist in zu vielen Tabs geöffnet (höchstens {{limit}}). Schließen Sie die anderen Tabs und laden Sie diese Seite neu.',
    httpMethod: 'Die Anfrage wurde nicht verstanden. Laden Sie die Seite neu und versuchen Sie es erneut.',
    tokenMissing:
      'Diese Seite wurde ohne ihren Zugangsschlüssel geöffnet. Öffnen Sie die Adresse, die Fieldmeter beim Start ausgegeben hat.',
    tokenWrong:
      'Der Zugangsschlüssel dieser Seite passt nicht (Fieldmeter wurde vielleicht neu gestartet). Öffnen Sie die Adresse, die Fieldmeter beim Start ausgegeben hat.',
    foreignHost: 'Fieldmeter antwortet nur unter 127.0.0.1. Öffnen Sie die Adresse, die Fieldmeter beim Start ausgegeben hat.',
    foreignSite:
      'Eine andere Website wollte mit Fieldmeter sprechen und wurde abgewiesen. Öffnen Sie Fieldmeter über die ausgegebene Adresse.',
    foreignWindow: 'Dieses Fenster darf nicht mit Fieldmeter sprechen. Schließen Sie es und nutzen Sie das Fieldmeter-Fenster.',
    unreachable:
      'Fieldmeter erreicht seinen lokalen Dienst nicht. Prüfen Sie, ob Fieldmeter noch läuft, und laden Sie dann diese Seite neu. Ihre gespeicherten Ablesungen sind sicher.',
    unexpectedAnswer:
      'Fieldmeter hat eine Antwort bekommen, die es nicht versteht. Laden Sie diese Seite neu; passiert es wieder, starten Sie Fieldmeter neu. Ihre gespeicherten Ablesungen sind sicher.',
    schemaFileMissing: 'Im Schema-Ordner fehlt {{file}}. Wählen Sie den Ordner mit den Schemas des Versorgers.',
    usagePointUnknown: 'Diese Verbrauchsstelle ist nicht auf diesem Gerät. Synchronisieren Sie oder prüfen Sie die Nummer.',
    workOrderUnknown: 'Dieser Auftrag ist nicht auf diesem Gerät. Synchronisieren Sie oder prüfen Sie die Nummer.',
    switchOrderUnknown: 'Dieser Wechselauftrag ist nicht auf diesem Gerät. Synchronisieren Sie oder prüfen Sie die Nummer.',
    readingUnknown: 'Dieser Zählerstand ist nicht auf diesem Gerät. Laden Sie die Liste neu.',
    meterUnknown: 'An dieser Verbrauchsstelle ist auf diesem Gerät kein Zähler.',
    reviewItemUnknown: 'Dieser Besuch ist nicht mehr in der Prüfliste. Laden Sie die Liste neu.',
    photoUnknown: 'Dieses Foto ist nicht auf diesem Gerät.',
    photoFileMissing: 'Die Datei dieses Fotos fehlt auf diesem Gerät.',
    exportUnknown: 'Diesen Export gibt es nicht. Exportieren Sie erneut und speichern Sie dann.',
    meterNotInStock:
      'Dieser Zähler ist nicht im Lager auf diesem Gerät. Prüfen Sie die Nummer auf dem Schild oder wählen Sie einen anderen Zähler.',
    messageUnknown: 'Diese ausgehende Nachricht gibt es nicht.',
    rejectedGone: 'Diese Nachricht ist nicht mehr abgelehnt. Laden Sie die Liste neu.',
    fileUnreadable: '{{file}} kann nicht gelesen werden.',
    xmllintMissing: 'xmllint (libxml2) konnte auf diesem Computer nicht gestartet werden. Installieren Sie es.',
    noMeterData: 'Es gibt keinen Zähler, aus dem Nachrichten gebaut werden können. Importieren Sie zuerst eine Route.',
    portNotFound: 'Der Lesekopf wurde nicht gefunden. Prüfen Sie, ob er eingesteckt ist.',
    notServed: 'Das ist hier nicht verfügbar.',
    firstMustBeSupervisor: 'Das erste Profil muss ein Disponent sein.',
    noSecret: 'Es wurde keine PIN und kein Passwort angegeben.',
    weakSecret: 'PIN oder Passwort ist zu kurz: eine PIN mit mindestens 6 Ziffern oder ein Passwort mit mindestens 8 Zeichen.',
    profileStoredNotJson: 'Das gespeicherte Integrationsprofil ist beschädigt. Der Disponent legt es neu fest.',
    xsdInvalid: '{{file}} entspricht nicht den Schemas des Versorgers.',
    valueDoesNotFit: 'Der Wert passt nicht zu den Stellen und Nachkommastellen dieses Zählwerks.',
    valueInvalid: 'Der Wert ist kein gültiger Stand für dieses Zählwerk.',
    valueUnchanged: 'Der Wert wurde nicht geändert. Geben Sie den korrigierten Wert ein.',
    registerNotOfMeter: 'Ein Zählwerk gehört nicht zu diesem Zähler. Laden Sie die Seite neu.',
    registerTwice: 'Ein Zählwerk wurde doppelt angegeben.',
    registersMissing: 'Lesen Sie alle Zählwerke des Zählers ab.',
    skipReasonUnknown: 'Das ist kein Grund für eine Auslassung auf diesem Gerät. Wählen Sie einen aus der Liste.',
    reasonCodeUnknown: 'Dieser Grund ist auf diesem Gerät nicht bekannt. Wählen Sie einen aus der Liste.',
    switchOutcomeMissing: 'Geben Sie an, ob der Schalter des Zählers geschaltet hat.',
    nothingToAcknowledge: 'Es gibt keine Änderung vom Büro zu bestätigen.',
    statusRefuses: 'Sie wollten {{action}}, aber dieser {{order}} ist {{state}}. Laden Sie den Auftrag neu.',
    orderForOtherUsagePoint: 'Dieser Auftrag gehört zu einer anderen Verbrauchsstelle ({{usagePointId}}). Laden Sie den Auftrag neu.',
    orderKindMismatch: 'Dieser Schritt gehört nicht zu Auftrag {{workOrderId}}. Laden Sie den Auftrag neu.',
    orderKindNoStock: 'Nur der neue Zähler eines Einbaus oder Wechsels wird aus dem Lager gelesen.',
    probeBusy: 'Der Lesekopf ist mit einem Lesen oder Programmieren beschäftigt. Warten Sie oder brechen Sie ab.',
    probeFailed: 'Der Lesekopf hat nicht funktioniert ({{probe}}). Prüfen Sie ihn und versuchen Sie es erneut.',
    meterModelUnknown: 'Dieses Zählermodell ist nicht auf diesem Gerät.',
    desktopOnly: 'Speichern mit einem Dialog braucht die Desktop-App; im Browser nutzen Sie Herunterladen.',
    fileEnding: 'Speichern Sie die Datei mit der Endung .{{ending}}, damit andere Programme sie öffnen.',
    fileNameInvalid: 'Der Dateiname ist ungültig.',
    fileExists: 'Die Datei gibt es schon; nichts wurde geschrieben. Wählen Sie einen anderen Namen.',
    fileIsFolder: 'Das ist ein Ordner. Nennen Sie eine Datei.',
    fileProtected: 'Fieldmeter überschreibt diese Datei nie. Wählen Sie eine andere Datei.',
    exportRunning: 'Ein Export läuft schon. Warten Sie oder brechen Sie ihn zuerst ab.',
    exportCancelled: 'Der Export wurde abgebrochen; keine Datei wurde behalten.',
    exportSameFolder: 'Der Export liegt schon in diesem Ordner. Wählen Sie einen anderen Ordner.',
    exportNotSaved: 'Der Export konnte dort nicht gespeichert werden. Wählen Sie einen anderen Ort.',
    photoEmpty: 'Die Fotodatei ist leer.',
    photoNotImage: 'Die Datei ist nicht das Bild, das sie angibt. Wählen Sie ein JPEG-, PNG- oder WebP-Foto.',
    thumbnailInvalid: 'Die Vorschau des Fotos ist ungültig. Fügen Sie das Foto erneut hinzu.',
    photoUnreadable: 'Das Foto ist kein lesbares Bild. Nehmen Sie es neu auf oder wählen Sie eine andere Datei.',
    photoElsewhere: 'Dieses Foto wurde an einer anderen Verbrauchsstelle aufgenommen. Fügen Sie es erneut hinzu.',
    endpointMissing: 'Es ist kein Endpunkt gesetzt. Der Disponent setzt ihn unter Synchronisieren → Endpunkt.',
    endpointProblem: 'Die Adresse des Endpunkts wird nicht angenommen. Prüfen Sie sie.',
    credentialsProblem: 'Die Zugangsdaten gelten nicht für diesen Endpunkt. Der Disponent speichert sie erneut.',
    credentialsNotStored:
      'Diese Version von Fieldmeter (Browser oder Kommandozeile) speichert keine Zugangsdaten: Setzen Sie FIELDMETER_SYNC_USER und FIELDMETER_SYNC_PASSWORD oder FIELDMETER_SYNC_TOKEN auf diesem Rechner.',
    syncPasswordMissing: 'Ein Benutzer für die Synchronisierung ist gesetzt, aber kein Passwort.',
    clientCertIncomplete: 'Ein Client-Zertifikat braucht das Zertifikat und seinen Schlüssel.',
    correctionIncomplete: 'Die korrigierte Nachricht ist nicht vollständig.',
    messageNotRejected: 'Diese Nachricht ist nicht abgelehnt; es gibt nichts zu wiederholen.',
    messageSuperseded: 'Diese Nachricht wurde korrigiert und ersetzt; es gibt nichts zu wiederholen.',
    messageChanged: 'Die Nachricht hat sich inzwischen geändert. Sehen Sie erneut nach.',
    rejectedNotEditable:
      'Diese abgelehnte Nachricht kann hier nicht bearbeitet werden; nutzen Sie Wiederholen, sobald das Büro seine Seite korrigiert hat.',
    rejectedNoReading: 'Die abgelehnte Nachricht enthält keinen Stand dieses Zählwerks.',
    skippedNotEditable:
      'Dieses Zählwerk wurde nicht abgelesen (der Besuch wurde ausgelassen); es gibt keinen Wert zu korrigieren. Lesen Sie den Zähler erneut ab.',
    meterAlreadyHere:
      'Hier ist schon ein Zähler ({{installed}}) eingebaut. Das ist ein Wechsel, kein Einbau: Melden Sie zurück (nicht ausführbar).',
    meterInstalledElsewhere: 'Zähler {{serial}} ist schon anderswo eingebaut.',
    meterRemoved: 'Dieser Zähler wurde ausgebaut und kann nicht wieder eingebaut werden. Wählen Sie einen anderen Zähler.',
    meterNotExpected:
      'Der Zähler vor Ort ist nicht der hier erwartete ({{expected}}). Prüfen Sie die Nummer oder melden Sie zurück (nicht ausführbar).',
    noMeterInstalled: 'Hier ist auf diesem Gerät kein Zähler eingebaut. Melden Sie zurück (nicht ausführbar).',
    euiInvalid: 'Die EUI-64 ist ungültig. Prüfen Sie das Schild.',
    installCodeInvalid: 'Der Installationscode ist ungültig. Prüfen Sie das Schild.',
    euiCommissioned: 'Ein Gerät mit dieser EUI-64 ist schon in Betrieb. Prüfen Sie das Schild.',
    euiDecommissioned: 'Diese EUI-64 gehört zu einem außer Betrieb genommenen Gerät. Bitten Sie das Büro, es zuerst freizugeben.',
    panDeviceUnknown: 'Hier ist kein Gerät mit dieser EUI-64 in Betrieb. Prüfen Sie das Schild oder melden Sie zurück (nicht ausführbar).',
    readoutEmpty: 'Aus der Auslesung konnte nichts gelesen werden.',
    readoutChecksum: 'Die Prüfsumme der Auslesung stimmt nicht: Die Werte können beschädigt sein. Lesen Sie den Zähler erneut.',
    opticalNoValue:
      'Der Zähler hat für ein Zählwerk keinen Wert gesendet: Nichts wurde gespeichert. Prüfen Sie, ob der Lesekopf am richtigen Zähler sitzt.',
    secretNeeded:
      'Dazu braucht es den Schlüssel oder das Passwort des Zählers: Setzen Sie {{variable}}, oder starten Sie den Befehl in einem Terminal, um danach gefragt zu werden.',
    meterKeyMissing:
      'Dieser Zähler verlangt seine Schlüssel (DLMS HLS), und auf diesem Gerät gibt es keinen dafür: bitten Sie das Büro, ihn zu importieren. Nichts wurde gespeichert.',
    meterPasswordMissing:
      'Zähler {{meterSerial}} verlangt sein Passwort (DLMS LLS), und auf diesem Gerät gibt es keines dafür: bitten Sie das Büro, den Schlüssel des Zählers zu importieren. Nichts wurde gespeichert.',
    cancelled: 'Abgebrochen; nichts wurde an den Zähler gesendet.',
    receiptTampered: 'NICHT UNVERSEHRT: Die Bestätigung wurde nach dem Erstellen geändert.',
    receiptMismatch: 'Die Bestätigung ist unversehrt, passt aber nicht zur Datenbank.',
    auditBroken: 'Das Prüfprotokoll ist ab Zeile {{row}} nicht schlüssig.',
    foreignDatabase: 'Diese Datei ist die Datenbank eines anderen Programms. Sie wurde nicht geändert; wählen Sie eine andere Datei.',
    hexInvalid: 'Der Wert ist kein gültiges Hex der richtigen Länge.',
    dlmsCapture: 'Die DLMS-Aufzeichnung konnte nicht gelesen werden.',
    outOfRange: 'Prüfen Sie den Wert: Geben Sie ihn erneut ein oder nennen Sie einen Grund.',
    serialMismatch: 'Die Zählernummer ist nicht die hier erwartete. Prüfen Sie den Zähler oder nennen Sie in der Notiz den Grund.',
    outOfWindow: 'Jetzt ist außerhalb des Wechselfensters. Nennen Sie den Grund, damit das Büro den Stand umrechnen kann.',
    photoTooLarge: 'Das Foto ist größer als {{limitMb}} MB. Nehmen Sie es mit geringerer Auflösung auf.',
    wrong: 'Name und PIN oder Passwort passen zu keinem Profil auf diesem Gerät.',
    locked: 'Zu viele Fehlversuche: Dieses Profil ist eine Weile gesperrt.',
    probe:
      'Der Zähler konnte über den Lesekopf nicht gelesen werden ({{code}}). Prüfen Sie, dass der Lesekopf am Zähler sitzt, und versuchen Sie es erneut.',
    programFailed: 'Das Programmieren des Zählers wurde nicht abgeschlossen ({{code}}).',
    routeRows: 'Nichts wurde importiert: {{totalProblems}} fehlerhafte Zeile(n). Korrigieren Sie sie und importieren Sie erneut.',
    message: 'Die Nachricht wurde abgelehnt; nichts wurde übernommen.',
    needsRight:
      'Ihr Profil darf das nicht: Dafür ist die Rolle {{neededRole}} nötig. Bitten Sie jemanden mit dieser Rolle, sich anzumelden.',
    enterpriseQueue: 'Die Nachrichtenwarteschlange des Büros antwortete mit etwas, das Fieldmeter nicht versteht.',
    syncStopped: 'Der Abgleich wurde angehalten. Nichts ging verloren; versuchen Sie es erneut.',
    migrationSkipped: 'Dieser Stand von Fieldmeter ist inkonsistent. Die Datenbank wurde nicht geändert.',
    telegram: 'Das Telegramm konnte nicht gelesen werden.',
    receiverUnavailable: 'Der Empfänger kann nicht geöffnet werden. Prüfen Sie, ob er eingesteckt ist.',
    noRadioMeters: 'Diese Route hat auf diesem Gerät keine Funkzähler.',
    /** Why DLMS/COSEM bytes could not be read (shared/dlms/errors.ts). */
    dlms: dlmsReasonWordsDe,
    mbus: {
      crc: 'Das Telegramm wurde unterwegs beschädigt (die Prüfsumme stimmt nicht). Warten Sie auf das nächste.',
      length: 'Das Telegramm ist nicht so lang, wie es angibt. Warten Sie auf das nächste.',
      truncated: 'Das Telegramm endet zu früh. Warten Sie auf das nächste.',
      vifChain: 'Das Telegramm enthält einen Datensatz ohne Ende. Warten Sie auf das nächste; wiederholt es sich, melden Sie den Zähler.',
      noKey: 'Empfangen, aber das Telegramm ist verschlüsselt und für diesen Zähler gibt es keinen Schlüssel.',
      decrypt: 'Empfangen, aber nicht zu entschlüsseln: Der Schlüssel passt nicht zu diesem Zähler.',
      replay: 'Dieses Telegramm wurde schon empfangen (gleiche Zugriffsnummer). Es wird nicht noch einmal verwendet.',
      unsupported: 'Empfangen, aber dieser Zähler sendet in einer Form, die Fieldmeter noch nicht liest.',
      notHex: 'Die Datei ist kein Telegramm in Hex.',
      unknownFormat:
        'Empfangen, aber dieses Kurztelegramm braucht zuerst ein vollständiges Telegramm des Zählers. Auf das nächste vollständige warten.',
      fragment: 'Empfangen, aber ein Teil dieses langen Telegramms ging verloren oder kam in falscher Reihenfolge. Auf das nächste warten.',
      fragmentPending: 'Der erste Teil eines langen Telegramms wurde empfangen. Warten auf den Rest.',
    },
    /** Why meter keys were not imported or opened (electron/services/meterKeys). */
    meterKeys: {
      storageUnavailable:
        'Dieses Gerät kann Zählerschlüssel nicht sicher aufbewahren (kein Schlüsselbund), daher wurde nichts importiert. Wenden Sie sich an die Administration.',
      badFile:
        'Nichts wurde importiert: Einige Zeilen der Schlüsseldatei sind ungültig. Fordern Sie beim Versorger eine korrigierte Datei an.',
      needSupervisor:
        'Nichts wurde importiert: Diese Datei enthält Zählerschlüssel, und nur ein Disponent darf Schlüssel importieren. Bitten Sie einen Disponenten, sie zu importieren.',
    },
    /** Why listening could not start or save (electron/services/mbus/listenService.ts). */
    listen: {
      noRadioMeters: 'Diese Route hat keine Funkzähler, auf die gehört werden kann.',
      modeRefused:
        'Der Empfänger hat den Funkmodus abgelehnt. Wählen Sie den Modus, in dem die Zähler senden, oder stecken Sie den Empfänger neu ein.',
      modeNotConfirmed:
        'Der Empfänger antwortet nicht. Prüfen Sie, ob der Anschluss der Empfänger ist und ob die gewählte Empfängerart stimmt.',
      routeUnknown: 'Diese Route ist nicht auf diesem Gerät.',
      portUnavailable: 'Der Empfänger lässt sich nicht öffnen. Prüfen Sie, ob er eingesteckt ist, und wählen Sie seinen Anschluss erneut.',
      notStarted: 'Es wird gerade nicht gehört. Tippen Sie zuerst auf „Hören“.',
      notHeard:
        'Dieser Zähler wurde noch nicht mit Werten empfangen. Warten Sie auf sein nächstes Telegramm oder lesen Sie ihn von Hand ab.',
      unplugged:
        'Der Empfänger ist beim Hören weggefallen (abgezogen, oder rtl-wmbus wurde beendet). Die bisher empfangenen Zähler bleiben erhalten; stecken Sie ihn ein und hören Sie erneut.',
      notSaved:
        'Einige Zähler wurden empfangen, aber nicht gespeichert; die Liste sagt zu jedem, warum. Speichern Sie sie in der App oder lesen Sie sie von Hand ab.',
    },
    /** Warum das Mithören an einer HAN/P1-Schnittstelle nicht beginnen oder speichern konnte (electron/services/han). */
    han: {
      portUnavailable:
        'Der Anschluss lässt sich nicht öffnen. Prüfen Sie, ob das HAN/P1-Kabel eingesteckt ist, und wählen Sie den Anschluss erneut.',
      notStarted: 'An dieser Station wird nicht mitgehört. Tippen Sie zuerst auf Mithören.',
      nothingHeard:
        'Noch keine Sendung mit Werten gehört. Warten Sie die nächste ab; eine Sendung, die sich nicht entschlüsseln lässt, liefert keine Werte.',
    },
    /** Why a wired M-Bus meter's reading was not saved (electron/services/mbus/wiredReading.ts). */
    wired: {
      notOnRoute: 'Der Zähler {{meter}} steht auf keiner Route dieses Geräts. Nichts wurde gespeichert.',
      noAnswer: 'Unter dieser Adresse hat kein Zähler geantwortet. Prüfen Sie Adresse, Baudrate und Anschluss.',
      noValues: 'Der Zähler {{meter}} liefert keinen Wert für die Zählwerke seiner Station. Nichts wurde gespeichert.',
      busy: 'Der Bus wird gerade abgesucht. Warten Sie das Ende ab oder brechen Sie zuerst ab.',
      portUnavailable:
        'Der Anschluss lässt sich nicht öffnen. Prüfen Sie, ob der Pegelwandler oder Optokopf eingesteckt ist, und wählen Sie den Anschluss erneut.',
      notRead: 'Lesen Sie den Zähler zuerst aus, dann speichern.',
      portLost: 'Der Anschluss ist während der Suche verschwunden. Stecken Sie den Wandler wieder ein und beginnen Sie neu.',
    },
  },
};
