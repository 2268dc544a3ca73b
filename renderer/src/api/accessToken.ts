/** The browser side of the access token (see token.ts): session storage and the address bar. */
import { tokenFromHash, hashWithoutToken } from './token';

const STORAGE_KEY = 'fieldmeter.token';

/** Takes the token from the URL (and stores it), or falls back to the one stored for this tab. */
export function takeAccessToken(): string | null {
  const fromHash = tokenFromHash(window.location.hash);
  if (fromHash) {
    try {
      window.sessionStorage.setItem(STORAGE_KEY, fromHash);
    } catch {
      // Storage can be disabled; the token then lives only in memory for this page.
    }
    const { pathname, search, hash } = window.location;
    window.history.replaceState(window.history.state, '', `${pathname}${search}${hashWithoutToken(hash)}`);
    return fromHash;
  }
  try {
    return window.sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}
