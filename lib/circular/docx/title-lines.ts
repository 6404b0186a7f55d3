/** Width in half-characters: CJK and full-width forms count two, digits and Latin one. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u1100-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]/.test(ch) ? 2 : 1;
  return width;
}

/** Half-characters a text takes when set: LibreOffice puts about a quarter character between Chinese and digits. */
export function textWidth(text: string): number {
  const boundaries = text.match(/(?<=[\u3000-\u9fff\uff00-\uffef])(?=[ -~])|(?<=[ -~])(?=[\u3000-\u9fff\uff00-\uffef])/g);
  return displayWidth(text) + (boundaries?.length ?? 0) / 2;
}

const words = (text: string): string[] =>
  [...new Intl.Segmenter("zh", { granularity: "word" }).segment(text)].map((s) => s.segment);

/**
 * Splits a title into lines of at most `capacity` half-characters, never inside a word. GB/T 9704-2012 7.3.1 wants
 * a title that runs over to keep words whole and the lines symmetric (梯形或菱形): two lines are balanced with the
 * first no longer than the second; longer titles fill each line in turn. A title with "\n" in it is split there.
 */
export function titleLines(title: string, capacity: number): string[] {
  if (title.includes("\n")) return title.split("\n");
  if (displayWidth(title) <= capacity) return [title];
  const parts = words(title);
  let best: [string, string] | undefined;
  for (let i = 1, first = ""; i < parts.length; i++) {
    first += parts[i - 1];
    const second = title.slice(first.length);
    // The last break that keeps the first line no longer than the second is the most balanced.
    if (displayWidth(first) <= displayWidth(second) && displayWidth(second) <= capacity) best = [first, second];
  }
  if (best) return best;
  const lines: string[] = [""];
  for (const part of parts) {
    const last = lines.length - 1;
    if (lines[last] && displayWidth(lines[last] + part) > capacity) lines.push(part);
    else lines[last] += part;
  }
  return lines;
}
