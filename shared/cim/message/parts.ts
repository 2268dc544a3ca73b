/**
 * Header, Request and Reply of the 61968-100 envelope, written in the exact order of the
 * HeaderType / RequestType / ReplyType / ErrorType sequences of the CX Message.xsd (NOTES.md §3),
 * and read back. `q` is the prefix of the element names (the types are in the message namespace).
 */
import { el, opt, type XElement } from '../xml/xmlWriter';
import { attr, bool, children, child, many, oneOf, reqStr, str, textOf, type XmlValue } from '../xml/read';
import { CimXmlError } from '../xml/safeXml';
import { ERROR_LEVELS, ID_KINDS, RESULTS, type Header, type IdRef, type ReplyError, type ReplyType, type RequestType } from './types';
import { isVerb } from './verbs';

export function writeId(name: string, id: IdRef, withAttributes = true): XElement {
  const attrs = withAttributes ? { idType: id.idType, idAuthority: id.idAuthority, kind: id.kind, objectType: id.objectType } : undefined;
  return el(name, id.value, attrs);
}

export function readId(value: XmlValue): IdRef {
  return {
    value: textOf(value),
    idType: attr(value, 'idType'),
    idAuthority: attr(value, 'idAuthority'),
    kind: oneOf(attr(value, 'kind'), ID_KINDS, 'ID@kind'),
    objectType: attr(value, 'objectType'),
  };
}

export function writeHeader(container: string, h: Header, q = 'msg:'): XElement {
  return el(container, [
    el(`${q}Verb`, h.verb),
    el(`${q}Noun`, h.noun),
    opt(`${q}Revision`, h.revision),
    opt(`${q}Context`, h.context),
    opt(`${q}Timestamp`, h.timestamp),
    opt(`${q}Source`, h.source),
    opt(`${q}AsyncReplyFlag`, h.asyncReplyFlag),
    opt(`${q}ReplyAddress`, h.replyAddress),
    opt(`${q}AckRequired`, h.ackRequired),
    h.user && el(`${q}User`, [el(`${q}UserID`, h.user.userID), opt(`${q}Organization`, h.user.organization)]),
    opt(`${q}MessageID`, h.messageID),
    opt(`${q}CorrelationID`, h.correlationID),
    opt(`${q}Comment`, h.comment),
    ...(h.properties ?? []).map((p) => el(`${q}Property`, [el(`${q}Name`, p.name), opt(`${q}Value`, p.value)])),
  ]);
}

/** `lineOf` locates a bad value in the source text, for an error a person can find. */
export function readHeader(node: XmlValue | undefined, lineOf: (needle: string) => number | undefined): Header {
  if (node === undefined) throw new CimXmlError('INVALID_MESSAGE', 'Header is missing');
  const verb = reqStr(node, 'Verb', 'Header').trim();
  if (!isVerb(verb)) {
    throw new CimXmlError('INVALID_MESSAGE', `unknown verb "${verb}" (IEC 61968-100 allows only the 14 final verbs)`, lineOf(`>${verb}<`));
  }
  const user = child(node, 'User');
  return {
    verb,
    noun: reqStr(node, 'Noun', 'Header').trim(),
    revision: str(node, 'Revision'),
    context: str(node, 'Context'),
    timestamp: str(node, 'Timestamp'),
    source: str(node, 'Source'),
    asyncReplyFlag: bool(node, 'AsyncReplyFlag'),
    replyAddress: str(node, 'ReplyAddress'),
    ackRequired: bool(node, 'AckRequired'),
    user: user === undefined ? undefined : { userID: reqStr(user, 'UserID', 'Header/User'), organization: str(user, 'Organization') },
    messageID: str(node, 'MessageID'),
    correlationID: str(node, 'CorrelationID'),
    comment: str(node, 'Comment'),
    properties: many(node, 'Property', (p) => ({ name: reqStr(p, 'Name', 'Header/Property'), value: str(p, 'Value') })),
  };
}

/**
 * RequestType. In a typed Get<Noun> request (GetMeterReadingsMessage.xsd) StartTime … ID are in the
 * wrapper namespace (`q`), Option's children stay in the message namespace and ID is a plain string.
 */
export function requestChildren(r: RequestType, q = 'msg:', optionQ = 'msg:', idAttributes = true): XElement[] {
  return [
    opt(`${q}StartTime`, r.startTime),
    opt(`${q}EndTime`, r.endTime),
    ...(r.options ?? []).map((o) => el(`${q}Option`, [el(`${optionQ}name`, o.name), opt(`${optionQ}value`, o.value)])),
    ...(r.ids ?? []).map((id) => writeId(`${q}ID`, id, idAttributes)),
  ].filter((x): x is XElement => x !== undefined);
}

export function readRequest(node: XmlValue): RequestType {
  return {
    startTime: str(node, 'StartTime'),
    endTime: str(node, 'EndTime'),
    options: many(node, 'Option', (o) => ({ name: reqStr(o, 'name', 'Request/Option'), value: str(o, 'value') })),
    ids: many(node, 'ID', readId),
  };
}

function writeError(q: string, e: ReplyError): XElement {
  return el(`${q}Error`, [
    el(`${q}code`, e.code),
    opt(`${q}level`, e.level),
    opt(`${q}reason`, e.reason),
    opt(`${q}details`, e.details),
    e.id && writeId(`${q}ID`, e.id),
  ]);
}

export function writeReply(container: string, r: ReplyType, q = 'msg:'): XElement {
  return el(container, [
    el(`${q}Result`, r.result),
    ...(r.errors ?? []).map((e) => writeError(q, e)),
    ...(r.ids ?? []).map((id) => writeId(`${q}ID`, id)),
  ]);
}

export function readReply(node: XmlValue | undefined): ReplyType {
  if (node === undefined) throw new CimXmlError('INVALID_MESSAGE', 'Reply is missing');
  const result = oneOf(reqStr(node, 'Result', 'Reply').trim(), RESULTS, 'Reply/Result');
  if (result === undefined) throw new CimXmlError('INVALID_MESSAGE', 'Reply/Result is missing');
  return {
    result,
    errors: many(node, 'Error', (e) => {
      const id = children(e, 'ID')[0];
      return {
        code: reqStr(e, 'code', 'Reply/Error'),
        level: oneOf(str(e, 'level'), ERROR_LEVELS, 'Reply/Error/level'),
        reason: str(e, 'reason'),
        details: str(e, 'details'),
        id: id === undefined ? undefined : readId(id),
      };
    }),
    ids: many(node, 'ID', readId),
  };
}
