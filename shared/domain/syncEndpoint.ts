/**
 * Which enterprise endpoints the device may send its readings and credentials to (issue 18):
 * `https://` only, so neither the readings nor a password cross the network in clear text, except
 * a loopback address (the enterprise simulator on this machine: 127.0.0.0/8, ::1, localhost); and
 * never a user or password in the URL itself, where settings, the audit log and every error
 * message would show it. Pure, so the renderer's form and the Node side judge alike.
 */
export type EndpointProblem = 'notUrl' | 'notHttps' | 'userInfo';

/** IPv4 127.0.0.0/8 (RFC 1122 §3.2.1.3), IPv6 ::1 (RFC 4291 §2.5.3) and the name localhost (RFC 6761 §6.3). */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (host === 'localhost' || host === '[::1]') return true;
  // WHATWG URL parsing has already normalised 0x7f.1 and 2130706433 to dotted decimal.
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** Why the endpoint may not be used, or null when it may. */
export function endpointProblem(endpoint: string): EndpointProblem | null {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return 'notUrl';
  }
  if (url.username !== '' || url.password !== '') return 'userInfo';
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:' && isLoopbackHost(url.hostname)) return null;
  return 'notHttps';
}

/** The endpoint without any user or password in it (for one stored before these were refused). */
export function redactEndpoint(endpoint: string): string {
  try {
    const url = new URL(endpoint);
    if (url.username === '' && url.password === '') return endpoint;
    url.username = '';
    url.password = '';
    return url.href;
  } catch {
    // Not a URL: cut anything between the scheme and an "@" all the same.
    return endpoint.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/?#]*@/i, '$1');
  }
}

/** scheme://host:port — what credentials are bound to; '' for no endpoint or not a URL. */
export function endpointOrigin(endpoint: string): string {
  try {
    return new URL(endpoint).origin;
  } catch {
    return '';
  }
}

/** What each problem means, in English for the command line and the Node side's errors. */
export const endpointProblemText: Readonly<Record<EndpointProblem, string>> = {
  notUrl: 'The endpoint is not a URL (e.g. https://mdm.example.com/cim).',
  notHttps: 'The endpoint must be an https:// URL (http:// only for this machine: localhost, 127.0.0.1, ::1).',
  userInfo: 'Leave the user and password out of the endpoint URL; store them as credentials instead.',
};
