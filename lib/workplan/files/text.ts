import type { Block } from "./blocks";
import { tableLines } from "./table";

/** Blocks → the plain text the reader takes: paragraphs as lines, task tables as one line per task. */
export function blocksToText(blocks: Block[]): string {
  const out: string[] = [];
  for (const block of blocks) {
    if (block.kind === "text") out.push(block.text);
    else out.push(...tableLines(block.rows));
  }
  return out.join("\n");
}
