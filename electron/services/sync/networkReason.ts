/**
 * What a failed connection was, from the system's error code (Node's errno and OpenSSL's
 * verification codes, https://nodejs.org/api/errors.html#common-system-errors and
 * https://nodejs.org/api/tls.html#x509-certificate-error-codes): a coded reason the screen and
 * the CLI say in the user's words, with the code itself kept as an identifier (issue 16 §3).
 */
import type { NetworkReason } from '../../../shared/contract/syncStop';

export interface NetworkFailure {
  readonly network: NetworkReason;
  /** The system's code (ECONNREFUSED, CERT_HAS_EXPIRED …), when the system gave one. */
  readonly systemCode?: string;
}

const byCode: Readonly<Record<string, NetworkReason>> = {
  ECONNREFUSED: 'refused',
  ETIMEDOUT: 'timedOut',
  ESOCKETTIMEDOUT: 'timedOut',
  ENOTFOUND: 'dnsFailed',
  EAI_AGAIN: 'dnsFailed',
  EAI_FAIL: 'dnsFailed',
  EAI_NONAME: 'dnsFailed',
  ECONNRESET: 'reset',
  ECONNABORTED: 'reset',
  EPIPE: 'reset',
  EHOSTUNREACH: 'hostUnreachable',
  ENETUNREACH: 'hostUnreachable',
  EHOSTDOWN: 'hostUnreachable',
  ENETDOWN: 'hostUnreachable',
  EPROTO: 'tlsFailed',
};

/** OpenSSL's certificate verification codes and Node's TLS error codes: the secure connection failed. */
const isTlsCode = (code: string) =>
  /^(ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|ERR_OSSL_)/.test(code) ||
  [
    'DEPTH_ZERO_SELF_SIGNED_CERT',
    'SELF_SIGNED_CERT_IN_CHAIN',
    'HOSTNAME_MISMATCH',
    'INVALID_CA',
    'PATH_LENGTH_EXCEEDED',
    'INVALID_PURPOSE',
  ].includes(code);

/** A system code as an identifier: letters, digits and underscores only, so it can be shown as it is. */
const asIdentifier = (code: string | undefined) => (code && /^[A-Z0-9_]{1,64}$/i.test(code) ? code : undefined);

export function networkFailure(error: NodeJS.ErrnoException): NetworkFailure {
  const systemCode = asIdentifier(error.code);
  if (!systemCode) return { network: 'failed' };
  const network = byCode[systemCode] ?? (isTlsCode(systemCode) ? 'tlsFailed' : 'failed');
  return { network, systemCode };
}
