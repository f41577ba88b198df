/** The 3-level purchased-services catalog of a year (data/catalogs/purchased-services-<year>.csv). */
import { existsSync, readFileSync } from "node:fs";
import { parseCsvRecords } from "../catalog/csv.ts";
import { dataPath } from "../paths.ts";

const cache = new Map<number, Set<string> | undefined>();

/** Its entries as "level1/level2/level3" paths, from the nearest earlier year's file; undefined if there is none. */
export function servicePaths(year: number): Set<string> | undefined {
  if (cache.has(year)) return cache.get(year);
  let paths: Set<string> | undefined;
  for (let y = year; y >= 2000 && !paths; y--) {
    const path = dataPath(`catalogs/purchased-services-${y}.csv`);
    if (existsSync(path)) {
      paths = new Set(parseCsvRecords(readFileSync(path, "utf8")).map((r) => `${r.level1}/${r.level2}/${r.level3}`));
    }
  }
  cache.set(year, paths);
  return paths;
}
