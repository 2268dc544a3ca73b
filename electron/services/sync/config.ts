/**
 * Where and how to reach the enterprise: one endpoint URL, SOAP 1.1 or 1.2, basic or bearer
 * auth or a client certificate, TLS verification on with an optional extra CA (DESIGN.md §5).
 * Secrets come from a SecretStore; certificate files are read from the paths given.
 */
import { readFileSync } from 'node:fs';
import { AppError } from '../../../shared/contract/result';
import { endpointProblem, endpointProblemText, redactEndpoint } from '../../../shared/domain/syncEndpoint';
import type { SecretStore } from './secrets';
import type { SoapVersion } from './soap';
import type { SyncAuth, TransportOptions } from './transport';

export interface EndpointConfig {
  readonly endpoint: string;
  readonly soapVersion?: SoapVersion;
  readonly caFile?: string;
  readonly certFile?: string;
  readonly keyFile?: string;
  /** Turns TLS verification off. For a self-signed test server only; never the default. */
  readonly insecure?: boolean;
  readonly timeoutMs?: number;
  readonly maxReplyBytes?: number;
  readonly maxSockets?: number;
}

/** A reply larger than this is refused (a ResponseMessage is small; a 100 MB answer is an attack or a bug). */
export const DEFAULT_MAX_REPLY_BYTES = 4 * 1024 * 1024;

function readPem(path: string, what: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    throw new AppError('NOT_FOUND', `Cannot read the ${what} ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, {
      reason: 'fileUnreadable',
      file: path,
      errno: (error as NodeJS.ErrnoException).code,
    });
  }
}

/** A token wins over user/password; neither means no Authorization header (e.g. mutual TLS only). */
export function authFrom(secrets: SecretStore): SyncAuth {
  const token = secrets.get('sync.token');
  if (token) return { kind: 'bearer', token };
  const user = secrets.get('sync.user');
  if (user) {
    const password = secrets.get('sync.password');
    if (password === undefined)
      throw new AppError('VALIDATION', 'A sync user is set but no password (FIELDMETER_SYNC_PASSWORD).', { reason: 'syncPasswordMissing' });
    return { kind: 'basic', user, password };
  }
  return { kind: 'none' };
}

export function transportOptions(config: EndpointConfig, secrets: SecretStore): TransportOptions {
  // https:// only (http:// to this machine's simulator), no user or password in the URL (issue 18).
  const problem = endpointProblem(config.endpoint);
  if (problem)
    throw new AppError('VALIDATION', `${endpointProblemText[problem]} (${redactEndpoint(config.endpoint)})`, {
      reason: 'endpointProblem',
      endpoint: problem,
    });
  const url = new URL(config.endpoint);
  if ((config.certFile === undefined) !== (config.keyFile === undefined))
    throw new AppError('VALIDATION', 'A client certificate needs both the certificate and its key.', { reason: 'clientCertIncomplete' });
  return {
    endpoint: url.href,
    auth: authFrom(secrets),
    tls: {
      ca: config.caFile ? readPem(config.caFile, 'CA certificate') : undefined,
      cert: config.certFile ? readPem(config.certFile, 'client certificate') : undefined,
      key: config.keyFile ? readPem(config.keyFile, 'client key') : undefined,
      passphrase: secrets.get('sync.keyPassphrase'),
      rejectUnauthorized: config.insecure !== true,
    },
    timeoutMs: config.timeoutMs ?? 30_000,
    maxReplyBytes: config.maxReplyBytes ?? DEFAULT_MAX_REPLY_BYTES,
    maxSockets: config.maxSockets ?? 16,
  };
}
