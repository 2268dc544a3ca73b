/**
 * Role checks inside services that the CLI also calls directly (the hosts' guard checks each
 * method's right first, handlers/guard.ts). The role is the signed-in profile's (issue 18).
 */
import { AppError } from '../../../shared/contract/result';
import type { Actor } from '../store/repositories/journal';

export function requireSupervisor(actor: Actor, what: string): void {
  if (actor.role !== 'supervisor') {
    throw new AppError(
      'FORBIDDEN',
      `Only a supervisor may ${what}. You are signed in as ${actor.name} (${actor.role}); a supervisor must sign in.`,
      { reason: 'needsRight', right: 'supervise', role: actor.role },
    );
  }
}

/** Installer work: creating, starting and completing work orders, setting a meter's clock, resetting its demand. */
export function requireInstaller(actor: Actor, what: string): void {
  if (actor.role !== 'installer' && actor.role !== 'supervisor') {
    throw new AppError(
      'FORBIDDEN',
      `Only an installer or a supervisor may ${what}. You are signed in as ${actor.name} (${actor.role}); an installer or supervisor must sign in.`,
      { reason: 'needsRight', right: 'install', role: actor.role },
    );
  }
}
