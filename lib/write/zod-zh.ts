import { z } from "zod";

// zod's own messages in Chinese: a schema without a message of its own still never shows English.
z.config(z.locales.zhCN());

/** zod issues as `{ field: message }`, the first message per field. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? issue.path.map(String).join(".") : "form";
    errors[key] ??= issue.message;
  }
  return errors;
}

export { z };
