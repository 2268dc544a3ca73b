/**
 * The web host's access token arrives once, in the URL fragment (`#token=…`), so it never
 * reaches a server log. We keep it for this tab in sessionStorage and take it out of the
 * address bar, so it is not bookmarked, shared or shown on screen.
 */
/** Reads `token` from a fragment such as "#token=abc&x=1"; null when absent or empty. */
export function tokenFromHash(hash: string): string | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const token = params.get('token');
  return token ? token : null;
}

/** The fragment without its token, for history.replaceState ("" when nothing else is left). */
export function hashWithoutToken(hash: string): string {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  params.delete('token');
  const rest = params.toString();
  return rest ? `#${rest}` : '';
}
