/** Plan files arrive as UTF-8 (with or without BOM) or, from older office software, GB18030/GBK. */
export function decodePlanBytes(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    return new TextDecoder("gb18030").decode(bytes);
  }
}

export const MAX_PLAN_BYTES = 2 * 1024 * 1024;
