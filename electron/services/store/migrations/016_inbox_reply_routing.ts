/**
 * Migration 16: what an enterprise request says about its answer (issue 19; IEC 61968-100
 * HeaderType, NOTES.md §3). Besides MessageID and CorrelationID the inbox keeps the request's
 * ReplyAddress (where the answer must go, when not to the endpoint) and AsyncReplyFlag (the
 * requester expects the answer later, in a message of its own). An answer's Header.CorrelationID
 * is the request's CorrelationID when it had one, else its MessageID (sync/answerRouting.ts).
 */
export default {
  version: 16,
  name: 'inbox_reply_routing',
  sql: `
ALTER TABLE inbox ADD COLUMN reply_address TEXT;
ALTER TABLE inbox ADD COLUMN async_reply_flag INTEGER CHECK (async_reply_flag IN (0, 1));
`,
};
