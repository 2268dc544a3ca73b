/** The words of `--help` for `sync` and `simulate enterprise` (sync.ts), in English and German. */
import { helpFrom, type HelpCatalog } from './helpWords';

const syncHelpEn = {
  sync: 'send the outbox to the enterprise (IEC 61968-100 over SOAP); prints sent, accepted, rejected and pending',
  endpoint: 'the enterprise web-service URL (default: $FIELDMETER_SYNC_ENDPOINT)',
  soap: "SOAP version (default: the integration profile's, else 1.1)",
  profileFile:
    "the utility's integration profile (JSON: SOAPAction template, endpoints per service, SOAP version, header fields); kept on this device for later runs",
  ca: 'extra CA certificate (PEM) to trust (default: $FIELDMETER_SYNC_CA)',
  cert: 'client certificate (PEM) for mutual TLS (default: $FIELDMETER_SYNC_CERT)',
  key: 'client key (PEM) (default: $FIELDMETER_SYNC_KEY)',
  insecure: 'do not verify the server certificate (test servers only)',
  batchSize: 'messages marked in flight together',
  concurrency: 'requests at once (never two for one usage point)',
  timeout: 'time to wait for one reply',
  attempts: 'attempts per message in this run',
  retryDelay: 'base of the exponential backoff',
  source: 'Header.Source of the messages',
  xsdDir: "the utility's schema folder: check every message before it is sent; one that fails is rejected here, not sent",
  dryRun: 'write the SOAP requests to --out instead of sending',
  out: 'folder for --dry-run',
  force: 'with --dry-run: replace files of the same name in --out',
  json: 'print {sent, accepted, rejected, pending} as JSON',
  enterprise: 'run the enterprise simulator on 127.0.0.1 until interrupted',
  port: 'port (0 = any free port)',
  store: 'folder for accepted messages (accepted.jsonl, one line per MessageID)',
  simulatorXsdDir: 'schema folder to validate every message (default: $FIELDMETER_CIM_XSD_DIR; none = no schema check)',
  validate: 'schema check before each reply, or over everything stored on GET /validate',
  serve: 'folder of messages queued for the device (GET /outbound)',
  fail: 'fail on purpose',
  rate: 'share of requests that fail, 0..1',
  seed: 'seed for which requests fail',
  slowMs: 'delay of a slow reply',
  strictSoapAction:
    "refuse a message whose SOAPAction is not the published WSDLs' (http://iec.ch/TC57/2011/<Noun>/<Verb><Noun>; 2017 under --namespaces iec2017)",
  echoCorrelation: "answer with the request's CorrelationID where it has one (else its MessageID)",
  syncGetReplies: 'answer a GetMeterReadings in the HTTP response itself, with the MeterReadings held for its usage points',
  namespaces: 'iec2017: a peer on the 2017 wrapper namespaces (typed wrappers only, 2017 SOAPAction and answers)',
  simulatorJson: 'print the address as JSON',
};

const syncHelpDe: Readonly<Record<keyof typeof syncHelpEn, string>> = {
  sync: 'den Postausgang an die Zentrale senden (IEC 61968-100 über SOAP); meldet gesendet, angenommen, abgewiesen und offen',
  endpoint: 'die URL des Webdienstes der Zentrale (Vorgabe: $FIELDMETER_SYNC_ENDPOINT)',
  soap: 'SOAP-Version (Vorgabe: die des Integrationsprofils, sonst 1.1)',
  profileFile:
    'das Integrationsprofil des Versorgers (JSON: SOAPAction-Vorlage, Endpunkte je Dienst, SOAP-Version, Kopffelder); bleibt für spätere Läufe auf diesem Gerät',
  ca: 'zusätzliches CA-Zertifikat (PEM), dem vertraut wird (Vorgabe: $FIELDMETER_SYNC_CA)',
  cert: 'Client-Zertifikat (PEM) für gegenseitiges TLS (Vorgabe: $FIELDMETER_SYNC_CERT)',
  key: 'Client-Schlüssel (PEM) (Vorgabe: $FIELDMETER_SYNC_KEY)',
  insecure: 'das Server-Zertifikat nicht prüfen (nur für Testserver)',
  batchSize: 'Nachrichten, die gemeinsam als unterwegs markiert werden',
  concurrency: 'gleichzeitige Anfragen (nie zwei für dieselbe Verbrauchsstelle)',
  timeout: 'Wartezeit auf eine Antwort',
  attempts: 'Versuche je Nachricht in diesem Lauf',
  retryDelay: 'Grundwert der exponentiell wachsenden Wartezeit zwischen Versuchen',
  source: 'Header.Source der Nachrichten',
  xsdDir:
    'der Schemaordner des Versorgers: jede Nachricht vor dem Senden prüfen; eine, die durchfällt, wird hier abgewiesen und nicht gesendet',
  dryRun: 'die SOAP-Anfragen nach --out schreiben statt sie zu senden',
  out: 'Ordner für --dry-run',
  force: 'mit --dry-run: gleichnamige Dateien in --out ersetzen',
  json: '{sent, accepted, rejected, pending} als JSON ausgeben',
  enterprise: 'den Simulator der Zentrale auf 127.0.0.1 starten, bis er unterbrochen wird',
  port: 'Port (0 = ein beliebiger freier Port)',
  store: 'Ordner für angenommene Nachrichten (accepted.jsonl, eine Zeile je MessageID)',
  simulatorXsdDir: 'Schemaordner, gegen den jede Nachricht geprüft wird (Vorgabe: $FIELDMETER_CIM_XSD_DIR; keiner = keine Schemaprüfung)',
  validate: 'Schemaprüfung vor jeder Antwort oder über alles Gespeicherte bei GET /validate',
  serve: 'Ordner mit Nachrichten, die für das Gerät bereitliegen (GET /outbound)',
  fail: 'absichtlich fehlschlagen',
  rate: 'Anteil der Anfragen, die fehlschlagen, 0..1',
  seed: 'Startwert dafür, welche Anfragen fehlschlagen',
  slowMs: 'Verzögerung einer langsamen Antwort',
  strictSoapAction:
    'eine Nachricht abweisen, deren SOAPAction nicht die der veröffentlichten WSDLs ist (http://iec.ch/TC57/2011/<Noun>/<Verb><Noun>; 2017 mit --namespaces iec2017)',
  echoCorrelation: 'mit der CorrelationID der Anfrage antworten, wo sie eine hat (sonst mit ihrer MessageID)',
  syncGetReplies:
    'ein GetMeterReadings direkt in der HTTP-Antwort beantworten, mit den MeterReadings, die für seine Verbrauchsstellen vorliegen',
  namespaces: 'iec2017: eine Gegenstelle mit den Wrapper-Namensräumen von 2017 (nur typisierte Wrapper, SOAPAction und Antworten von 2017)',
  simulatorJson: 'die Adresse als JSON ausgeben',
};

const syncHelpCatalog: HelpCatalog<keyof typeof syncHelpEn> = { en: syncHelpEn, de: syncHelpDe };
export const syncHelp = helpFrom(syncHelpCatalog);
