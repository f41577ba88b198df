/**
 * What one change between two versions of a budget is: its kind, where it is (located the way findings are), the
 * values on either side as stored, and the sentence describing it in Chinese and English.
 */

export const CHANGE_KINDS = [
  "meta",
  "text",
  "value",
  "added",
  "removed",
  "table",
  "cell",
  "rowAdded",
  "rowRemoved",
  "tableAdded",
  "tableRemoved",
] as const;
/**
 * meta: a field of the document (department, title, units, contents); text / value: a narrative text or figure;
 * added / removed: a narrative item (duty, indicator, task, fact, section …); table: a table's own field (title, note …);
 * cell, rowAdded, rowRemoved, tableAdded, tableRemoved: the tables.
 */
export type ChangeKind = (typeof CHANGE_KINDS)[number];

export interface ChangeLocation {
  part: "meta" | "part1" | "part2" | "part3" | "table";
  /** A Part 3 section id. */
  section?: string;
  /** The field within the part or section, by keys where items have them: `facts/threePublicTotal/amount`. */
  path?: string;
  table?: string;
  /** The row key (src/model/rows.ts), and the row as a reader names it. */
  row?: string;
  label?: string;
  column?: string;
}

export type ChangeValue = string | number | null;

export interface DocumentChange {
  kind: ChangeKind;
  location: ChangeLocation;
  /** As stored: amounts are integers in the table's (or document's) smallest unit; absent when added or removed. */
  before?: ChangeValue;
  after?: ChangeValue;
  /** after − before, when both are amounts in the same unit. */
  difference?: number;
  /** For texts: the stretch around the first difference, as the messages quote it. */
  excerpt?: { before: string; after: string };
  message: string;
  messageEn: string;
}
