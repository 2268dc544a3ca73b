/** The words of `--help` for `messages` (messages.ts) and `import message` (importMessage.ts), in English and German. */
import { helpFrom, type HelpCatalog } from './helpWords';

const messagesHelpEn = {
  messages: 'IEC 61968-100 / 61968-9 messages',
  validate: 'validate a message with xmllint against a schema folder (typed <Noun>Message.xsd, or Message.xsd then <Noun>.xsd)',
  messageXml: 'the message XML',
  validateXsdDir: "folder holding the utility's XSDs (default: $FIELDMETER_CIM_XSD_DIR)",
  samples:
    'write one sample message per outbox kind and verb (<Verb><Noun>.<kind>.xml) and per enterprise request (<Verb><Noun>.xml), built from the database',
  samplesOut: 'folder to write the messages to',
  samplesForce: 'replace files of the same name already in the folder',
  samplesSource: 'Header.Source',
  importMessage: 'apply an inbound MeterConfig, UsagePointConfig, MasterDataLinkageConfig or MeterServiceRequests message',
  inboundFile: 'an IEC 61968-100 message (typed or generic envelope)',
  importXsdDir: "the utility's schema folder: a message its schemas refuse is refused with their findings, applying nothing",
};

const messagesHelpDe: Readonly<Record<keyof typeof messagesHelpEn, string>> = {
  messages: 'Nachrichten nach IEC 61968-100 / 61968-9',
  validate:
    'eine Nachricht mit xmllint gegen einen Schemaordner prüfen (typisiert <Noun>Message.xsd, oder Message.xsd und dann <Noun>.xsd)',
  messageXml: 'die Nachricht als XML',
  validateXsdDir: 'Ordner mit den XSDs des Versorgers (Vorgabe: $FIELDMETER_CIM_XSD_DIR)',
  samples:
    'je eine Beispielnachricht pro Art und Verb des Postausgangs (<Verb><Noun>.<kind>.xml) und pro Anfrage der Zentrale (<Verb><Noun>.xml) schreiben, aus der Datenbank erstellt',
  samplesOut: 'Ordner, in den die Nachrichten geschrieben werden',
  samplesForce: 'gleichnamige Dateien im Ordner ersetzen',
  samplesSource: 'Header.Source der Nachrichten',
  importMessage: 'eine eingehende Nachricht MeterConfig, UsagePointConfig, MasterDataLinkageConfig oder MeterServiceRequests übernehmen',
  inboundFile: 'eine Nachricht nach IEC 61968-100 (typisierter oder generischer Umschlag)',
  importXsdDir:
    'der Schemaordner des Versorgers: eine Nachricht, die seine Schemas ablehnen, wird mit deren Befunden abgewiesen und nichts übernommen',
};

const messagesHelpCatalog: HelpCatalog<keyof typeof messagesHelpEn> = { en: messagesHelpEn, de: messagesHelpDe };
export const messagesHelp = helpFrom(messagesHelpCatalog);
