/**
 * The read or programming the probe is busy with, by an id this screen chose. Cancel names it, so a
 * Cancel pressed before the request reached the Node side still stops it.
 */
let current: string | null = null;

function newId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function beginOperation(): string {
  current = newId();
  return current;
}

export function endOperation(id: string): void {
  if (current === id) current = null;
}

export function currentOperation(): string | null {
  return current;
}
