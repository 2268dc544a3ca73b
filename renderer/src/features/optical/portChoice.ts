/**
 * Which probe port the optical panel offers. The port list arrives from the Node side at any time
 * (slowly on a loaded tablet), so a port the user typed is kept beside the listed ones and a late
 * list never takes the user's choice away.
 */
export interface Port {
  path: string;
  label: string | null;
  training: boolean;
}

/** The listed ports, then every typed port the list does not show, in the order typed. */
export function mergePorts(listed: readonly Port[], typed: readonly string[]): Port[] {
  const extra = typed.filter((path) => !listed.some((p) => p.path === path));
  return [...listed, ...extra.map((path) => ({ path, label: null, training: false }))];
}

/** The current choice if it is still offered, else the port remembered from the last read, else the first. */
export function choosePort(ports: readonly Port[], current: string, lastPort: string | null): string {
  if (ports.some((p) => p.path === current)) return current;
  if (lastPort !== null && ports.some((p) => p.path === lastPort)) return lastPort;
  return ports[0]?.path ?? '';
}
