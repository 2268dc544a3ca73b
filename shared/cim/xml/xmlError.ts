/** The one error of the hardened XML reader (safeXml.ts, xmlStream.ts), with the document line. */
export type XmlErrorCode = 'TOO_LARGE' | 'DTD_FORBIDDEN' | 'TOO_DEEP' | 'MALFORMED' | 'INVALID_MESSAGE';

export class CimXmlError extends Error {
  override readonly name = 'CimXmlError';
  constructor(
    readonly code: XmlErrorCode,
    message: string,
    /** 1-based line in the document, when known. */
    readonly line?: number,
  ) {
    super(line === undefined ? message : `line ${line}: ${message}`);
  }
}
