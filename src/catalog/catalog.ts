/**
 * Classification catalogs (data/catalogs/*.csv): function and economic classifications, the 3xx → 5xx mapping by
 * unit type, procurement categories. Each is loaded once and looked up by code.
 */
import { existsSync, readFileSync } from "node:fs";
import { dataPath } from "../paths.ts";
import { parseCsvRecords } from "./csv.ts";

const CATALOG_DIR = `${dataPath("catalogs")}/`;

export interface CatalogEntry {
  code: string;
  name: string;
  level: string;
  note: string;
}

export class Catalog {
  private readonly byCode = new Map<string, CatalogEntry>();

  constructor(
    readonly id: string,
    entries: CatalogEntry[],
  ) {
    for (const e of entries) this.byCode.set(e.code, e);
  }

  get(code: string): CatalogEntry | undefined {
    return this.byCode.get(code);
  }

  has(code: string): boolean {
    return this.byCode.has(code);
  }

  /** The entry whose name is this text, ignoring spaces and full-width forms. */
  findByName(name: string, level?: string): CatalogEntry | undefined {
    const wanted = comparableName(name);
    for (const e of this.byCode.values()) {
      if ((level === undefined || e.level === level) && comparableName(e.name) === wanted) return e;
    }
    return undefined;
  }

  entries(): CatalogEntry[] {
    return [...this.byCode.values()];
  }
}

/** Names compare without spaces and with full-width forms folded: （室） and (室) are the same name. */
export function comparableName(name: string): string {
  return name.normalize("NFKC").replace(/\s+/g, "");
}

function readCatalogFile(file: string): Record<string, string>[] {
  const path = `${CATALOG_DIR}${file}`;
  if (!existsSync(path)) throw new Error(`catalog file data/catalogs/${file} is missing`);
  return parseCsvRecords(readFileSync(path, "utf8"));
}

const cache = new Map<string, Catalog>();

function cached(id: string, file: string, toEntry: (r: Record<string, string>) => CatalogEntry): Catalog {
  let catalog = cache.get(id);
  if (!catalog) {
    catalog = new Catalog(id, readCatalogFile(file).map(toEntry));
    cache.set(id, catalog);
  }
  return catalog;
}

const plain = (r: Record<string, string>): CatalogEntry => ({
  code: r.code ?? "",
  name: r.name ?? "",
  level: r.level ?? r.kind ?? "",
  note: r.note ?? "",
});

/** A year older than every catalog: its codes cannot be checked (they were renumbered over the years). */
export class NoCatalogError extends Error {}

/** The function classification of a year; years without their own file use the nearest earlier one. */
export function functionCatalog(year: number): Catalog {
  for (let y = year; y >= 2000; y--) {
    if (existsSync(`${CATALOG_DIR}function-${y}.csv`)) return cached(`function-${y}`, `function-${y}.csv`, plain);
  }
  throw new NoCatalogError(`no function classification catalog for ${year} or earlier`);
}

export function departmentEconomicCatalog(): Catalog {
  return cached("economic-department", "economic-department.csv", plain);
}

export function governmentEconomicCatalog(): Catalog {
  return cached("economic-government", "economic-government.csv", plain);
}

export function procurementCatalog(): Catalog {
  return cached("procurement-categories", "procurement-categories.csv", plain);
}

export type UnitType = "机关" | "事业单位";

let mapping: Map<string, string> | undefined;

/** The government economic section (5xx) that a department economic section (3xx) maps to for a unit type. */
export function governmentCodeFor(departmentCode: string, unitType: UnitType): string | undefined {
  if (!mapping) {
    mapping = new Map(
      readCatalogFile("economic-mapping.csv").map((r) => [`${r.departmentCode}|${r.unitType}`, r.governmentCode ?? ""]),
    );
  }
  return mapping.get(`${departmentCode}|${unitType}`);
}

/** Looks a catalog up by the name a template column gives (`catalog: procurement`). */
export function catalogNamed(name: string, year: number): Catalog {
  switch (name) {
    case "function":
      return functionCatalog(year);
    case "departmentEconomic":
      return departmentEconomicCatalog();
    case "governmentEconomic":
      return governmentEconomicCatalog();
    case "procurement":
      return procurementCatalog();
    default:
      throw new Error(`unknown catalog "${name}"`);
  }
}
