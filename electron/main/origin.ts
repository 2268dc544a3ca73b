/**
 * The app's own origin and the pure URL checks every guard in the main process relies on.
 * They take `unknown` because the values come from the renderer or from Chromium events.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'fieldmeter';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const START_URL = `${APP_ORIGIN}/index.html`;

function parse(url: unknown): URL | null {
  if (typeof url !== 'string' || url.length > 4096) return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * True for a URL on our own `app://fieldmeter/` origin. Parsing (not only a prefix test) also
 * refuses look-alikes such as `app://fieldmeter.evil/` or `app://fieldmeter@evil/`.
 */
export function isAppUrl(url: unknown): boolean {
  const parsed = parse(url);
  return (
    parsed !== null &&
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host === APP_HOST &&
    parsed.username === '' &&
    parsed.password === '' &&
    (url as string).startsWith(`${APP_ORIGIN}/`)
  );
}

/** A same-origin check for Chromium's serialised origins (`app://fieldmeter`, no path). */
export function isAppOrigin(origin: unknown): boolean {
  return origin === APP_ORIGIN || isAppUrl(origin);
}

/**
 * Links a user may follow out of the app (a utility's help page, a map): plain http(s) with a
 * host and no credentials. Everything else (file:, javascript:, smb:, custom handlers that
 * launch programs) stays closed, because shell.openExternal hands the URL to the OS.
 */
export function isSafeExternalUrl(url: unknown): boolean {
  const parsed = parse(url);
  if (parsed === null) return false;
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return false;
  return parsed.hostname !== '' && parsed.username === '' && parsed.password === '';
}
