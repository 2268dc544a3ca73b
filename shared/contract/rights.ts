/**
 * Who may do what (issue 18): every contract method declares one right next to its schemas, and
 * the Node side checks it against the signed-in profile before the handler runs — never a role
 * the client sends. docs/RELIABILITY.md's "Who may do what" table is generated from this and the contract.
 */
import type { Role } from './supervisorEntities';

export const rights = [
  'open', // no sign-in needed: what the sign-in screen itself uses
  'view', // any signed-in profile: lists, details, status
  'record', // field work: readings, skips, photos, optical reads, route import, sync of the day's work
  'install', // installer work: work orders, meter programming, PAN link keys, supply switching, retrying refused messages
  'supervise', // supervisor work: review, corrections, exports, the audit, profiles, sync settings and credentials
] as const;
export type Right = (typeof rights)[number];

const granted: Readonly<Record<Role, readonly Right[]>> = {
  technician: ['open', 'view', 'record'],
  installer: ['open', 'view', 'record', 'install'],
  supervisor: ['open', 'view', 'record', 'install', 'supervise'],
};

export function mayDo(role: Role | null, right: Right): boolean {
  if (right === 'open') return true;
  return role !== null && granted[role].includes(right);
}

/** The least role that holds a right (for messages and the generated table). */
export function leastRoleFor(right: Right): Role | null {
  if (right === 'open') return null;
  return (['technician', 'installer', 'supervisor'] as const).find((role) => granted[role].includes(right)) ?? null;
}
