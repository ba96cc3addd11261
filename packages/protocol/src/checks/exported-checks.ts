// For tests: finds every check a folder's modules export, with the file that exports it, so that a
// test can keep each check's `source` pointing at that file. Node only.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Check } from "./check.ts";

export interface ExportedCheck {
  /** The exporting file, from the repository's root. */
  file: string;
  exportName: string;
  check: Check;
}

function isCheck(value: unknown): value is Check {
  if (typeof value !== "object" || value === null) return false;
  const { checkedBy, rule, why, see, source } = value as Record<string, unknown>;
  return [checkedBy, rule, why, see, source].every((field) => typeof field === "string");
}

/** A check itself, or a function made by defineCheck, which carries its check. */
function checkOf(value: unknown): Check | undefined {
  if (isCheck(value)) return value;
  const carried = typeof value === "function" ? (value as { check?: unknown }).check : undefined;
  return isCheck(carried) ? carried : undefined;
}

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: "utf8" })
    .filter((file) => /\.tsx?$/.test(file) && !file.endsWith(".test.ts"))
    .map((file) => path.join(folder, file));
}

/**
 * The checks exported by the modules under `folder` that define one (they mention `defineCheck` or
 * the `Check` type), imported for real. `import` is the test file's own dynamic import, so that
 * its aliases apply.
 */
export async function findExportedChecks(
  repositoryRoot: string,
  folder: string,
  importModule: (file: string) => Promise<Record<string, unknown>> = (file) => import(pathToFileURL(file).href),
): Promise<ExportedCheck[]> {
  const found: ExportedCheck[] = [];
  for (const file of sourceFiles(folder)) {
    if (!/\bdefineCheck\(|: Check = \{/.test(readFileSync(file, "utf8"))) continue;
    const exports = await importModule(file);
    for (const [exportName, value] of Object.entries(exports)) {
      const check = checkOf(value);
      if (check) found.push({ file: path.relative(repositoryRoot, file), exportName, check });
    }
  }
  return found;
}
