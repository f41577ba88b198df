/** Settings and word lists of rules are data (data/rules/<name>.yaml), read once. */
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { dataPath } from "../paths.ts";

const cache = new Map<string, unknown>();

export function ruleData<T>(name: string): T {
  if (!cache.has(name)) {
    const path = dataPath(`rules/${name}.yaml`);
    cache.set(name, parse(readFileSync(path, "utf8")));
  }
  return cache.get(name) as T;
}
