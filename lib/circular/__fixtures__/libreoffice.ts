import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/** The tools the Word tests open documents with; `npm run test:setup` installs them. */
export const missingTools = () => ["soffice", "pdftotext", "pdftoppm", "pdfimages"].filter(
  (tool) => !(process.env.PATH ?? "").split(delimiter).some((dir) => existsSync(join(dir, tool))),
);

export interface OpenedDocx {
  /** Each page's text as `pdftotext -layout` sets it, blank pages dropped. */
  pages: string[];
  /** Lines of `pdfimages -list` after its header: one per picture. */
  images: string[];
  /** Renders pages `first`–`last` as PNG files named `<prefix>-<n>.png`. */
  png: (prefix: string, first: number, last: number, dpi?: number) => Promise<void>;
  close: () => void;
}

/** Converts a .docx to PDF in LibreOffice, as an office opening the file would see it, and reads the result. */
export async function openInLibreOffice(docx: Buffer): Promise<OpenedDocx> {
  const dir = mkdtempSync(join(tmpdir(), "circular-pdf-"));
  const file = join(dir, "circular.docx");
  writeFileSync(file, docx);
  // A private profile: soffice processes sharing one block each other.
  await run("soffice", [`-env:UserInstallation=file://${join(dir, "profile")}`, "--headless", "--convert-to", "pdf", "--outdir", dir, file], { timeout: 90_000 });
  const pdf = join(dir, "circular.pdf");
  const pages = (await run("pdftotext", ["-layout", pdf, "-"])).stdout.split("\f").filter((p) => p.trim());
  const images = (await run("pdfimages", ["-list", pdf])).stdout.trim().split("\n").slice(2);
  return {
    pages, images,
    png: async (prefix, first, last, dpi = 50) => {
      await run("pdftoppm", ["-png", "-r", String(dpi), "-f", String(first), "-l", String(last), pdf, prefix]);
    },
    close: () => rmSync(dir, { recursive: true, force: true }),
  };
}

const squash = (text: string) => text.replace(/\s+/g, "");

/**
 * The body's pages: those before the first page that opens with "附件1" — the first 附件 starts a page of its own
 * (GB/T 9704 8.1), so everything before it is the body with its 附件说明 and 落款. All pages when there is no 附件.
 */
export function bodyPageCount(pages: string[]): number {
  const first = pages.findIndex((p) => squash(p.trim().split("\n")[0] ?? "") === "附件1");
  return first === -1 ? pages.length : first;
}

/** Whether `value` appears whole on one line of the text (a number broken across lines would not). */
export const onOneLine = (text: string, value: string) => text.split("\n").some((line) => squash(line).includes(squash(value)));
