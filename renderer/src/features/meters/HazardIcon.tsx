/**
 * Hazard marks as small inline SVG (no icon font, no emoji font needed on the device): a paw
 * for a dog, a key, a padlock for a locked gate, a warning triangle for unsafe access.
 */
import type { Hazard } from '../../../../shared/contract/entities';

const paths: Record<Hazard, string> = {
  dog: 'M12 12c-3 0-6 3.2-6 6 0 1.6 1.2 2.4 2.6 2.4 1.3 0 2.2-.8 3.4-.8s2.1.8 3.4.8c1.4 0 2.6-.8 2.6-2.4 0-2.8-3-6-6-6zM5.5 11a2 2.5 0 1 0 0-.1zM9 7.5a2 2.6 0 1 0 0-.1zM15 7.5a2 2.6 0 1 0 0-.1zM18.5 11a2 2.5 0 1 0 0-.1z',
  keyRequired: 'M7.5 9a4.5 4.5 0 1 1 3.9 4.5L10 15h-2v2H6v2H3v-3l4.9-4.9A4.5 4.5 0 0 1 7.5 9zm4.5-2a1.5 1.5 0 1 0 0 .1z',
  lockedGate: 'M7 10V7a5 5 0 0 1 10 0v3h1.5v11h-13V10zm2 0h6V7a3 3 0 0 0-6 0zm3 4a1.5 1.5 0 0 0-.8 2.8V19h1.6v-2.2A1.5 1.5 0 0 0 12 14z',
  unsafe: 'M12 2.5 1.5 21h21zM11 9h2v6h-2zm0 7.5h2v2h-2z',
};

/** Without `label` the icon is decoration beside its word (aria-hidden, no tooltip). */
export function HazardIcon({ hazard, label, size = 20 }: { hazard: Hazard; label?: string; size?: number }) {
  const named = label ? { role: 'img', 'aria-label': label } : { 'aria-hidden': true };
  return (
    <svg
      className={`hazard-icon hazard-${hazard}`}
      viewBox="0 0 24 24"
      width={size}
      height={size}
      {...named}
      data-testid="hazard-icon"
      data-hazard={hazard}
    >
      {label && <title>{label}</title>}
      <path d={paths[hazard]} fill="currentColor" fillRule="evenodd" />
    </svg>
  );
}
