const MAX_LENGTH = 31;
const FORBIDDEN = /[[\]:*?/\\\u0000-\u001f]/g;

/** Shortens by whole code points so a surrogate pair is never split. */
function truncate(text: string, max: number): string {
  let out = "";
  for (const ch of text) {
    if (out.length + ch.length > max) break;
    out += ch;
  }
  return out;
}

/** A name Excel and WPS accept: no []:*?/\, no leading/trailing apostrophe, 1–31 characters, not "History". */
export function sanitizeSheetName(name: string): string {
  const cleaned = name.replace(FORBIDDEN, "_").replace(/^'+|'+$/g, "").trim();
  const short = truncate(cleaned, MAX_LENGTH).trim();
  // Excel reserves "History" for its change-tracking sheet.
  return short === "" ? "Sheet" : short.toLowerCase() === "history" ? "History_" : short;
}

/** Sanitises every name and makes them unique the way Excel compares them (case-insensitively): "名称", "名称 (2)", … */
export function uniqueSheetNames(names: string[]): string[] {
  const taken = new Set<string>();
  return names.map((raw) => {
    const base = sanitizeSheetName(raw);
    let name = base;
    for (let n = 2; taken.has(name.toLowerCase()); n++) {
      const suffix = ` (${n})`;
      name = `${truncate(base, MAX_LENGTH - suffix.length).trimEnd()}${suffix}`;
    }
    taken.add(name.toLowerCase());
    return name;
  });
}
