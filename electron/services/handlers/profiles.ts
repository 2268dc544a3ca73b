import type { profileMethods } from '../../../shared/contract/methods/profiles';
import type { DomainHandlers, HandlerContext } from './context';

export function profileHandlers({ session, actor }: HandlerContext): DomainHandlers<keyof typeof profileMethods> {
  return {
    'session.get': () => session.state(),
    'session.signIn': ({ name, secret }) => session.signIn(name, secret),
    'session.signOut': () => session.signOut(),
    'profiles.list': () => session.list(),
    'profiles.createFirst': ({ name, secret }) => session.createFirst(name, secret),
    'profiles.add': ({ name, role, secret }) => session.add(actor(), { name, role }, secret),
    'profiles.remove': ({ name }) => {
      session.remove(actor(), name);
      return { removed: true as const };
    },
    'profiles.resetSecret': ({ name, secret }) => session.resetSecret(actor(), name, secret),
  };
}
