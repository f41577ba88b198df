/** Settings and word lists of rules are data (data/rules/<name>.yaml), read once. */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

const cache = new Map<string, unknown>();

export function ruleData<T>(name: string): T {
  if (!cache.has(name)) {
    const path = fileURLToPath(new URL(`../../data/rules/${name}.yaml`, import.meta.url));
    cache.set(name, parse(readFileSync(path, "utf8")));
  }
  return cache.get(name) as T;
}
