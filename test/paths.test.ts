import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : [],
  );
}

describe("file locations", () => {
  it("go through src/paths.ts, so the bundled CLI finds data files wherever its chunks are", () => {
    // pdf/fonts.ts resolves a package, not a project file.
    const allowed = new Set(["src/paths.ts", "src/render/pdf/fonts.ts"]);
    const offenders = sources("src").filter(
      (f) => !allowed.has(f) && readFileSync(f, "utf8").includes("import.meta.url"),
    );
    expect(offenders).toEqual([]);
  });
});
