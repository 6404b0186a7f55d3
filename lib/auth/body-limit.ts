/**
 * The largest form a server action accepts. A work-plan file may be 2 MB (the reader's own limit says
 * so in Chinese); the form adds its text and fields. next.config.ts and the proxy both use this.
 */
export const SERVER_ACTION_BODY_LIMIT = 5 * 1024 * 1024;
