/**
 * Every hardening of the desktop shell in one place: window preferences, the CSP, navigation
 * and window-open guards, the permission table and the sandbox switch. Each function takes
 * the Electron object it hardens, so the unit test can drive it with fakes.
 */
import type { App, Session, Shell, WebContents, WebPreferences } from 'electron';
import { contentSecurityPolicy } from '../../shared/contract/csp';
import { isAppOrigin, isAppUrl, isSafeExternalUrl } from './origin';

/** The renderer is our own code under a strict CSP; it still gets no Node and no way out. */
export function secureWebPreferences(preloadPath: string, options: Readonly<{ devTools: boolean }>) {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    // Field crews type meter numbers and readings, not prose; the spellchecker also downloads dictionaries.
    spellcheck: false,
    // A file dropped on the window must not replace the app with that file.
    navigateOnDragDrop: false,
    safeDialogs: true,
    devTools: options.devTools,
  } as const satisfies WebPreferences;
}

type PermissionName = Parameters<Parameters<Session['setPermissionCheckHandler']>[0] & {}>[1];
type PermissionRule = 'allow' | 'video-only';

/**
 * What the page may ask Chromium for. Anything not listed is denied, silently and without a
 * prompt. Every entry also requires the request to come from our own app:// origin.
 */
export const permissionTable = {
  // Photos of meters, seals and sites: the camera only, never the microphone.
  media: 'video-only',
  // Copying a meter number or an error text for a support call; reading the clipboard stays denied.
  'clipboard-sanitized-write': 'allow',
  // The position of a skipped or unusual visit, stored with it (manual-reading issue); optional.
  geolocation: 'allow',
  // Denied on purpose (not listed): notifications, hid, usb, serial (the main side
  // owns the optical probe), display-capture, openExternal (links go through isSafeExternalUrl).
} as const satisfies Partial<Record<PermissionName, PermissionRule>>;

export interface PermissionQuery {
  readonly permission: string;
  /** The URL or origin asking; Chromium gives one or the other depending on the call. */
  readonly origin: unknown;
  /** For 'media': what the page wants. An empty list means Chromium did not say. */
  readonly mediaTypes: readonly string[];
}

export function isPermissionAllowed(query: PermissionQuery): boolean {
  if (!isAppOrigin(query.origin)) return false;
  const table: Readonly<Record<string, PermissionRule>> = permissionTable;
  // hasOwn: 'constructor' or 'toString' must not look like entries of the table.
  const rule = Object.hasOwn(table, query.permission) ? table[query.permission] : undefined;
  switch (rule) {
    case undefined:
      return false;
    case 'allow':
      return true;
    case 'video-only':
      return query.mediaTypes.length > 0 && query.mediaTypes.every((type) => type === 'video');
  }
}

/** Replaces any CSP a response carries (in any letter case) with ours. */
export function withContentSecurityPolicy(
  headers: Readonly<Record<string, string[]>> | undefined,
  policy: string = contentSecurityPolicy,
): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() !== 'content-security-policy') result[name] = value;
  }
  result['Content-Security-Policy'] = [policy];
  return result;
}

/** `policy`: the page's CSP as the settings make it now (remote images from the tile server only). */
export function hardenSession(session: Session, policy: () => string = () => contentSecurityPolicy): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders, policy()) });
  });
  session.setPermissionRequestHandler((_webContents, permission, callback, details) => {
    const mediaTypes = 'mediaTypes' in details ? (details.mediaTypes ?? []) : [];
    callback(isPermissionAllowed({ permission, origin: details.requestingUrl, mediaTypes }));
  });
  session.setPermissionCheckHandler((_webContents, permission, requestingOrigin, details) => {
    const mediaTypes = details.mediaType ? [details.mediaType] : [];
    return isPermissionAllowed({ permission, origin: requestingOrigin, mediaTypes });
  });
  // WebUSB / WebHID / Web Serial from the page: never; the main side opens the probe.
  session.setDevicePermissionHandler(() => false);
}

/** Navigation, redirects, new windows and <webview> of one web contents. */
export function hardenWebContents(contents: WebContents, shell: Pick<Shell, 'openExternal'>): void {
  contents.on('will-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    // The app never opens a second window; a safe web link goes to the user's browser.
    if (isSafeExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

/** Process-wide: must run before the app is ready. */
export function hardenApp(app: Pick<App, 'enableSandbox' | 'on'>, shell: Pick<Shell, 'openExternal'>): void {
  app.enableSandbox();
  // Covers every web contents, including any Chromium creates that we did not ask for.
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, shell));
}
