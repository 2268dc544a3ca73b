/**
 * The words of a refused message from the enterprise (shared/contract/inboundRefusal.ts, by code),
 * in both languages: part of the error catalogs (errorWords.*.ts) under `inboundRefusal`, so the
 * Received list and the CLI say them alike. A code whose details name a kind of problem has words
 * per kind (`badValue.date`, `unknownTarget.cancel` …). What the message holds is quoted as written.
 */
export const inboundWordsEn = {
  /** Beside the words, small: where in the message the refused value is. */
  inboundRefusalLine: 'line {{line}}',
  inboundCopyKept: 'A copy, with personal data masked, is kept in {{path}}.',
  inboundRefusal: {
    xmlProblem: {
      TOO_LARGE: 'The message is larger than Fieldmeter reads.',
      DTD_FORBIDDEN: 'The message contains a DTD (<!DOCTYPE>), which is refused for safety.',
      TOO_DEEP: 'The message nests its elements too deeply to be read safely.',
      MALFORMED: 'The message is not well-formed XML.',
      INVALID_MESSAGE: 'The message is not an IEC 61968-100 message Fieldmeter can read.',
    },
    schemaInvalid: 'The message fails the utility’s schemas ({{schemas}}).',
    faultMessage: 'The message is a fault report, not something to import.',
    noHeader: 'The message has no Header.',
    noPayload: 'The {{noun}} message has no Payload.',
    nounNotImported: 'Messages of noun “{{noun}}” are not imported (only {{known}}).',
    verbNotImported: 'Verb “{{verb}}” is not imported for {{noun}} (only {{known}}).',
    payloadNounMismatch: 'The Payload holds {{payload}}, but the Header says {{noun}}.',
    compressedAndPlain: 'The Payload holds both Compressed and {{noun}}; IEC 61968-100 allows one of them.',
    compressedInvalid: {
      notBase64: 'The compressed Payload is not base64.',
      notGzip: 'The compressed Payload is not gzip data.',
      empty: 'The compressed Payload is empty.',
      incomplete: 'The compressed Payload is cut off (incomplete gzip data).',
    },
    replyAddressRefused: {
      notUrl: 'The answer could not be sent to the reply address “{{address}}”: it is not a web address.',
      notHttps: 'The answer could not be sent to the reply address {{address}}: it is neither https nor on this computer.',
      userInfo: 'The answer could not be sent to the reply address {{address}}: it carries a user or password.',
    },
    emptyPayload: '{{noun}} holds no {{element}}.',
    noIdentifier: 'A {{element}} has neither an mRID nor a name.',
    missingField: '{{element}}{{id}} lacks {{field}}.',
    badValue: {
      date: '{{field}} “{{value}}” is not a date (YYYY-MM-DD).',
      dateTime: '{{field}} “{{value}}” is not a date and time.',
      zonedDateTime: '{{field}} “{{value}}” is not a date and time with its offset (Z or ±hh:mm).',
      number: '{{field}} “{{value}}” is not a number.',
      readingTypeCode: '{{field}} “{{value}}” is not an IEC 61968-9 ReadingType code (18 numbers separated by dots).',
      eui64: '{{field}} “{{value}}” does not name the PAN device by its EUI-64 (16 hex digits).',
    },
    noTarget: '{{element}}{{id}} names no meter or usage point.',
    unknownMeter: '{{element}} “{{keys}}” is not known on this device.',
    notAMeter: '“{{serial}}” is a PAN device, not a meter.',
    meterNotInstalled: 'Meter {{serial}} is not installed at a usage point on this device.',
    unknownUsagePoint: 'Usage point “{{usagePointId}}” is not known on this device.',
    noMeterAtUsagePoint: 'Usage point {{usagePointId}} has no installed meter on this device.',
    unknownPanDevice: 'PAN device {{eui64}} is not known on this device.',
    panDecommissioned: 'PAN device {{eui64}} is decommissioned on this device; its join status no longer changes.',
    unknownTarget: {
      change: '{{element}} “{{id}}” is not known on this device, so it cannot be changed.',
      cancel: '{{element}} “{{id}}” is not known on this device, so it cannot be cancelled.',
      close: '{{element}} “{{id}}” is not known on this device, so it cannot be closed.',
    },
    statusWordUnknown: 'Meter {{serial}}: the status “{{word}}” is not one the integration profile “{{profile}}” knows ({{known}}).',
    newMeterInstalled: 'Meter {{serial}} is new here and arrives in stock; link it to a usage point with MasterDataLinkageConfig.',
    serialTaken: 'Meter {{serial}} cannot take the serial “{{newSerial}}”: another device has it.',
    statusChangesInstallation:
      'Meter {{serial}}: the status {{from}} → {{to}} changes where it is installed; send MasterDataLinkageConfig instead.',
    linkageCounts: 'The link has {{meters}} meter(s) and {{usagePoints}} usage point(s): give one usage point, or one per meter.',
    agreementUsagePoints: 'A customer agreement is linked to exactly one usage point; this link gives {{usagePoints}}.',
    agreementElsewhere: 'Customer agreement {{agreement}} belongs to usage point {{usagePointId}} on this device, not {{asked}}.',
    meterInstalledElsewhere: 'Meter {{serial}} is installed at {{usagePointId}} on this device; close that link first.',
    meterNotAt: 'Meter {{serial}} is installed at {{usagePointId}}, not at {{asked}}, on this device.',
    meterRemoved: 'Meter {{serial}} was removed from service and cannot be linked again.',
    usagePointOccupied: 'Usage point {{usagePointId}} already has meter {{serial}} installed; close that link first.',
    workInProgress:
      'Meter {{serial}} was not unlinked: work order {{workOrders}} is in progress at {{usagePointId}}. Let the crew finish (or cancel it), then send the close again.',
    readingTypeUnknown: 'The reading type “{{readingType}}” is neither a ReadingType code, an OBIS code nor a register of {{at}}.',
    workTypeUnknown: 'Work {{item}}: “{{type}}” is not a work order this device can do ({{known}}).',
    onlySwitchByVerb: 'Work {{item}}: only a switch order can be changed or cancelled by message (verb {{verb}}).',
    windowBackwards: 'Work {{item}}: the window ends ({{end}}) before it starts ({{start}}).',
    switchKindMismatch: 'Switch order {{id}} is a {{kind}}, not a {{asked}}.',
    switchRefused: 'Switch order {{id}} cannot be changed now ({{refusal}}).',
    controlNotInField:
      'The control {{controlType}} is not carried out in the field: only a clock set ({{clockSet}}) and a demand reset ({{demandReset}}) through the optical port.',
    panControl: 'End device {{device}} is a PAN device: its controls go through the meter, not the field.',
    meterKeyRefused: {
      unknownKind:
        'Meter {{serial}}: “{{kind}}” is not a kind of meter key this device keeps (mbus, dlms.encryption, dlms.authentication, dlms.password).',
      wrapped: 'Meter {{serial}}: the {{kind}} key is wrapped for a key store this device does not hold; send it unwrapped.',
      notBase64: 'Meter {{serial}}: the {{kind}} key is not base64.',
      notPassword: 'Meter {{serial}}: the {{kind}} key is not a password of 1 to 16 bytes.',
      notAesKey: 'Meter {{serial}}: the {{kind}} key is not an AES-128 key (16 bytes).',
      needsRadioAddress: 'Meter {{serial}}: an M-Bus key needs the meter named by its radio address (three letters and 8 digits).',
    },
    recorded: 'The message was refused. As recorded then: {{text}}',
  },
};

export const inboundWordsDe: typeof inboundWordsEn = {
  inboundRefusalLine: 'Zeile {{line}}',
  inboundCopyKept: 'Eine Kopie mit unkenntlich gemachten Personendaten liegt in {{path}}.',
  inboundRefusal: {
    xmlProblem: {
      TOO_LARGE: 'Die Nachricht ist größer, als Fieldmeter liest.',
      DTD_FORBIDDEN: 'Die Nachricht enthält eine DTD (<!DOCTYPE>); das wird aus Sicherheitsgründen abgelehnt.',
      TOO_DEEP: 'Die Elemente der Nachricht sind zu tief verschachtelt, um sie sicher zu lesen.',
      MALFORMED: 'Die Nachricht ist kein wohlgeformtes XML.',
      INVALID_MESSAGE: 'Die Nachricht ist keine IEC-61968-100-Nachricht, die Fieldmeter lesen kann.',
    },
    schemaInvalid: 'Die Nachricht verletzt die Schemas des Versorgers ({{schemas}}).',
    faultMessage: 'Die Nachricht ist eine Fehlermeldung, nichts zum Importieren.',
    noHeader: 'Die Nachricht hat keinen Header.',
    noPayload: 'Die {{noun}}-Nachricht hat keine Payload.',
    nounNotImported: 'Nachrichten mit dem Nomen „{{noun}}“ werden nicht importiert (nur {{known}}).',
    verbNotImported: 'Das Verb „{{verb}}“ wird für {{noun}} nicht importiert (nur {{known}}).',
    payloadNounMismatch: 'Die Payload enthält {{payload}}, der Header nennt aber {{noun}}.',
    compressedAndPlain: 'Die Payload enthält Compressed und {{noun}} zugleich; IEC 61968-100 erlaubt nur eines davon.',
    compressedInvalid: {
      notBase64: 'Die komprimierte Payload ist kein Base64.',
      notGzip: 'Die komprimierte Payload sind keine gzip-Daten.',
      empty: 'Die komprimierte Payload ist leer.',
      incomplete: 'Die komprimierte Payload ist abgeschnitten (unvollständige gzip-Daten).',
    },
    replyAddressRefused: {
      notUrl: 'Die Antwort konnte nicht an die Antwortadresse „{{address}}“ gehen: Sie ist keine Webadresse.',
      notHttps: 'Die Antwort konnte nicht an die Antwortadresse {{address}} gehen: Sie ist weder https noch auf diesem Rechner.',
      userInfo: 'Die Antwort konnte nicht an die Antwortadresse {{address}} gehen: Sie enthält Benutzer oder Passwort.',
    },
    emptyPayload: '{{noun}} enthält kein {{element}}.',
    noIdentifier: 'Ein {{element}} hat weder mRID noch Namen.',
    missingField: '{{element}}{{id}}: {{field}} fehlt.',
    badValue: {
      date: '{{field}} „{{value}}“ ist kein Datum (JJJJ-MM-TT).',
      dateTime: '{{field}} „{{value}}“ ist kein Datum mit Uhrzeit.',
      zonedDateTime: '{{field}} „{{value}}“ ist kein Datum mit Uhrzeit und Zeitzone (Z oder ±hh:mm).',
      number: '{{field}} „{{value}}“ ist keine Zahl.',
      readingTypeCode: '{{field}} „{{value}}“ ist kein ReadingType-Code nach IEC 61968-9 (18 durch Punkte getrennte Zahlen).',
      eui64: '{{field}} „{{value}}“ nennt das PAN-Gerät nicht mit seiner EUI-64 (16 Hexadezimalziffern).',
    },
    noTarget: '{{element}}{{id}} nennt weder Zähler noch Verbrauchsstelle.',
    unknownMeter: '{{element}} „{{keys}}“ ist auf diesem Gerät nicht bekannt.',
    notAMeter: '„{{serial}}“ ist ein PAN-Gerät, kein Zähler.',
    meterNotInstalled: 'Der Zähler {{serial}} ist auf diesem Gerät an keiner Verbrauchsstelle eingebaut.',
    unknownUsagePoint: 'Die Verbrauchsstelle „{{usagePointId}}“ ist auf diesem Gerät nicht bekannt.',
    noMeterAtUsagePoint: 'An der Verbrauchsstelle {{usagePointId}} ist auf diesem Gerät kein Zähler eingebaut.',
    unknownPanDevice: 'Das PAN-Gerät {{eui64}} ist auf diesem Gerät nicht bekannt.',
    panDecommissioned: 'Das PAN-Gerät {{eui64}} ist auf diesem Gerät außer Betrieb genommen; sein Beitrittsstatus ändert sich nicht mehr.',
    unknownTarget: {
      change: '{{element}} „{{id}}“ ist auf diesem Gerät nicht bekannt und kann daher nicht geändert werden.',
      cancel: '{{element}} „{{id}}“ ist auf diesem Gerät nicht bekannt und kann daher nicht storniert werden.',
      close: '{{element}} „{{id}}“ ist auf diesem Gerät nicht bekannt und kann daher nicht beendet werden.',
    },
    statusWordUnknown: 'Zähler {{serial}}: Den Status „{{word}}“ kennt das Integrationsprofil „{{profile}}“ nicht ({{known}}).',
    newMeterInstalled:
      'Der Zähler {{serial}} ist hier neu und kommt ins Lager; verknüpfen Sie ihn per MasterDataLinkageConfig mit einer Verbrauchsstelle.',
    serialTaken: 'Der Zähler {{serial}} kann die Seriennummer „{{newSerial}}“ nicht übernehmen: Ein anderes Gerät hat sie.',
    statusChangesInstallation:
      'Zähler {{serial}}: Der Status {{from}} → {{to}} ändert den Einbauort; senden Sie stattdessen MasterDataLinkageConfig.',
    linkageCounts:
      'Die Verknüpfung hat {{meters}} Zähler und {{usagePoints}} Verbrauchsstelle(n): Geben Sie eine Verbrauchsstelle an oder eine je Zähler.',
    agreementUsagePoints: 'Ein Kundenvertrag gehört zu genau einer Verbrauchsstelle; diese Verknüpfung nennt {{usagePoints}}.',
    agreementElsewhere:
      'Der Kundenvertrag {{agreement}} gehört auf diesem Gerät zur Verbrauchsstelle {{usagePointId}}, nicht zu {{asked}}.',
    meterInstalledElsewhere:
      'Der Zähler {{serial}} ist auf diesem Gerät an {{usagePointId}} eingebaut; lösen Sie zuerst diese Verknüpfung.',
    meterNotAt: 'Der Zähler {{serial}} ist auf diesem Gerät an {{usagePointId}} eingebaut, nicht an {{asked}}.',
    meterRemoved: 'Der Zähler {{serial}} wurde außer Betrieb genommen und kann nicht wieder verknüpft werden.',
    usagePointOccupied:
      'An der Verbrauchsstelle {{usagePointId}} ist schon der Zähler {{serial}} eingebaut; lösen Sie zuerst diese Verknüpfung.',
    workInProgress:
      'Der Zähler {{serial}} wurde nicht getrennt: Der Auftrag {{workOrders}} läuft an {{usagePointId}}. Lassen Sie den Monteur fertig werden (oder stornieren Sie ihn) und senden Sie das Lösen erneut.',
    readingTypeUnknown: 'Der Ablesetyp „{{readingType}}“ ist weder ein ReadingType-Code noch ein OBIS-Code noch ein Zählwerk von {{at}}.',
    workTypeUnknown: 'Auftrag {{item}}: „{{type}}“ ist kein Auftrag, den dieses Gerät ausführen kann ({{known}}).',
    onlySwitchByVerb: 'Auftrag {{item}}: Nur ein Wechselauftrag kann per Nachricht geändert oder storniert werden (Verb {{verb}}).',
    windowBackwards: 'Auftrag {{item}}: Das Zeitfenster endet ({{end}}), bevor es beginnt ({{start}}).',
    switchKindMismatch: 'Der Wechselauftrag {{id}} ist ein {{kind}}, kein {{asked}}.',
    switchRefused: 'Der Wechselauftrag {{id}} kann jetzt nicht geändert werden ({{refusal}}).',
    controlNotInField:
      'Die Steuerung {{controlType}} wird nicht vor Ort ausgeführt: nur Uhr stellen ({{clockSet}}) und Maximum zurücksetzen ({{demandReset}}) über die optische Schnittstelle.',
    panControl: 'Das Endgerät {{device}} ist ein PAN-Gerät: Seine Steuerungen laufen über den Zähler, nicht vor Ort.',
    meterKeyRefused: {
      unknownKind:
        'Zähler {{serial}}: „{{kind}}“ ist keine Art von Zählerschlüssel, die dieses Gerät verwahrt (mbus, dlms.encryption, dlms.authentication, dlms.password).',
      wrapped:
        'Zähler {{serial}}: Der Schlüssel {{kind}} ist für einen Schlüsselspeicher verpackt, den dieses Gerät nicht hat; senden Sie ihn unverpackt.',
      notBase64: 'Zähler {{serial}}: Der Schlüssel {{kind}} ist nicht Base64-codiert.',
      notPassword: 'Zähler {{serial}}: Der Schlüssel {{kind}} ist kein Passwort von 1 bis 16 Bytes.',
      notAesKey: 'Zähler {{serial}}: Der Schlüssel {{kind}} ist kein AES-128-Schlüssel (16 Bytes).',
      needsRadioAddress:
        'Zähler {{serial}}: Ein M-Bus-Schlüssel braucht den Zähler mit seiner Funkadresse (drei Buchstaben und 8 Ziffern).',
    },
    recorded: 'Die Nachricht wurde abgelehnt. Damals festgehalten: {{text}}',
  },
};
