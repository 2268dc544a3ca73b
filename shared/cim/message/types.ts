/** IEC 61968-100 message parts as TypeScript (names follow the CX Message.xsd, NOTES.md §3). */
import type { PayloadBody } from '../payloads';
import type { Verb } from './verbs';

export interface UserType {
  userID: string;
  organization?: string;
}

export interface MessageProperty {
  name: string;
  value?: string;
}

/** HeaderType; ReplayDetection is not produced by Fieldmeter and ignored when read. */
export interface Header {
  verb: Verb;
  noun: string;
  revision?: string;
  context?: string;
  timestamp?: string;
  source?: string;
  asyncReplyFlag?: boolean;
  replyAddress?: string;
  ackRequired?: boolean;
  user?: UserType;
  messageID?: string;
  correlationID?: string;
  comment?: string;
  properties?: MessageProperty[];
}

export const ID_KINDS = ['name', 'uuid', 'transaction', 'other'] as const;
/** An ID element with the IDatts attribute group. */
export interface IdRef {
  value: string;
  idType?: string;
  idAuthority?: string;
  kind?: (typeof ID_KINDS)[number];
  objectType?: string;
}

export interface RequestOption {
  name: string;
  value?: string;
}

export interface RequestType {
  startTime?: string;
  endTime?: string;
  options?: RequestOption[];
  ids?: IdRef[];
}

export const RESULTS = ['OK', 'PARTIAL', 'FAILED'] as const;
export const ERROR_LEVELS = ['INFORM', 'WARNING', 'FATAL', 'CATASTROPHIC'] as const;

/** ErrorType: code, level, reason, details and the ID of the object in error. */
export interface ReplyError {
  code: string;
  level?: (typeof ERROR_LEVELS)[number];
  reason?: string;
  details?: string;
  id?: IdRef;
}

export interface ReplyType {
  result: (typeof RESULTS)[number];
  errors?: ReplyError[];
  ids?: IdRef[];
}

/** PayloadType: the noun's element, or Compressed (base64 of the gzipped payload element), then Format. */
export type PayloadContent = { kind: 'xml'; body: PayloadBody; format?: string } | { kind: 'compressed'; data: string; format?: string };

export type CimMessage =
  | { kind: 'request'; header: Header; request?: RequestType; payload?: PayloadContent }
  | { kind: 'response'; header: Header; reply: ReplyType; payload?: PayloadContent }
  | { kind: 'event'; header: Header; payload?: PayloadContent }
  /** FaultMessage has no Header; the typed form still needs the noun for its element name. */
  | { kind: 'fault'; noun: string; reply: ReplyType };

/** typed = the `<Noun>Message.xsd` wrapper (CreatedMeterReadings …); generic = Message.xsd (EventMessage …). */
export type EnvelopeForm = 'typed' | 'generic';
