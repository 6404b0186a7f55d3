import { z } from "zod";

// zod's own messages in Chinese: a schema without a message of its own still never shows English.
// zh-CN still names JavaScript types ("期望 string"); those are put in words a user knows.
const TYPE_WORDS: [RegExp, string][] = [
  [/\bstring\b/g, "文本"], [/\bnumber\b/g, "数字"], [/\bint\b/g, "整数"], [/\bbigint\b/g, "整数"], [/\bboolean\b/g, "是或否"],
  [/\bdate\b/g, "日期"], [/\barray\b/g, "列表"], [/\bobject\b/g, "对象"], [/\bundefined\b/g, "空值"], [/\bnull\b/g, "空值"],
  [/\bnan\b/gi, "非数字"], [/\bfile\b/g, "文件"],
];
const zhCN = z.locales.zhCN().localeError;
z.config({
  localeError: (issue) => {
    const raw = zhCN(issue);
    const text = typeof raw === "string" ? raw : raw?.message;
    return text === undefined ? undefined : TYPE_WORDS.reduce((t, [word, zh]) => t.replace(word, zh), text);
  },
});

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
