/**
 * Where the project's files are, from wherever this code runs — the TypeScript sources or the bundled CLI — so that
 * data files and style sheets are found the same way in both.
 */
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "data", "templates"))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error("cannot find yusuan's data folder");
    dir = parent;
  }
  return dir;
}

export const ROOT = findRoot();

/** A file or folder under data/, as a path (folders end with a separator). */
export const dataPath = (...parts: string[]) => join(ROOT, "data", ...parts);

/** A non-code file that lives beside the sources (style sheets). */
export const sourcePath = (...parts: string[]) => join(ROOT, "src", ...parts);
