/**
 * The largest form a server action accepts. A work-plan file may be 20 MB (a .docx or PDF carrying a seal, a
 * letterhead or scanned attachments is that large; lib/plans/decode-upload.ts says so in Chinese); the form adds its
 * text and fields. next.config.ts and the proxy both use this; other uploads keep their own smaller limits.
 */
export const SERVER_ACTION_BODY_LIMIT = 21 * 1024 * 1024;
