/**
 * Whether the technician agreed to use this device's position (issue 24 §4: the position only
 * with consent). Asked on the route map ("Show my position"); remembered on this device. With it,
 * the map shows where the technician is and a saved reading carries the position.
 */
const KEY = 'fieldmeter.locationConsent';

export function hasLocationConsent(): boolean {
  try {
    return localStorage.getItem(KEY) === 'yes';
  } catch {
    return false;
  }
}

export function giveLocationConsent(): void {
  try {
    localStorage.setItem(KEY, 'yes');
  } catch {
    // Storage refused (private mode): the position is used for this view only.
  }
}
