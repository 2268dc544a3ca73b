/**
 * Where an answer to an enterprise request goes, and what it names (IEC 61968-100 Header; issue
 * 19). An outbox entry that answers a request (an on-demand read, a control carried out) records
 * the request's MessageID; the request itself is in the inbox with its own CorrelationID,
 * ReplyAddress and AsyncReplyFlag. The answer's Header.CorrelationID is the request's
 * CorrelationID when it had one — the requester's own key for the conversation — else its
 * MessageID; it goes to the request's ReplyAddress when one was given, else to the endpoint.
 */
import type { Store } from '../store';

export interface AnswerRoute {
  /** Header.CorrelationID of the message; undefined when it answers nothing. */
  readonly correlationId: string | undefined;
  /** The request's ReplyAddress; undefined = the endpoint the profile gives the service. */
  readonly replyAddress: string | undefined;
}

export function answerRoute(store: Store, entry: { readonly correlationId: string | null }): AnswerRoute {
  if (!entry.correlationId) return { correlationId: undefined, replyAddress: undefined };
  const request = store.inbox.replyRouting(entry.correlationId);
  // Not a request this device received (or received before it kept them): the recorded ID as it is.
  if (!request) return { correlationId: entry.correlationId, replyAddress: undefined };
  return { correlationId: request.correlationId ?? request.messageId, replyAddress: request.replyAddress ?? undefined };
}
