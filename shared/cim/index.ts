/** Public surface of the IEC 61968-100 / 61968-9 library (pure: runs in the renderer too). */
export * from './message/types';
export * from './message/verbs';
export {
  buildMessage,
  buildMessageElement,
  buildPayloadDocument,
  CimBuildError,
  isDraftOnlyNoun,
  type BuildOptions,
} from './message/build';
export { parseMessage, parsePayloadDocument, type ParsedMessage } from './message/parse';
export * from './payloads';
export { CimXmlError, defaultXmlLimits, parseXmlSafely, type XmlLimits } from './xml/safeXml';
export { serializeXml, XmlWriteError } from './xml/xmlWriter';
export * from './outbox';
export * from './codes/endDeviceCodes';
export * from './codes/obis';
export * from './readingType';
export * from './readingQuality';
