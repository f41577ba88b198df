/**
 * The page's outline: the anchors of parts, Part 3 sections and tables, and the pages of the book. The table of
 * contents and the bodies take their ids from here so a link cannot point at an anchor that was never written.
 */
export const partAnchor = (part: number) => `part${part}`;
export const sectionAnchor = (sectionId: string) => `section-${sectionId}`;
export const tableAnchor = (tableId: string) => `table-${tableId}`;

/**
 * The pages of the budget book, all in one folder so that every link is a plain file name and the folder works
 * offline wherever it is copied. Unit codes are six digits (the schema says so), safe in a file name.
 */
export const bookPath = {
  overview: "index.html",
  fullText: "budget.html",
  part: (part: number) => `part${part}.html`,
  tables: "tables.html",
  table: (tableId: string) => `table-${tableId}.html`,
  units: "units.html",
  unit: (unitCode: string) => `unit-${unitCode}.html`,
  project: (unitCode: string, ordinal: number) => `project-${unitCode}-${ordinal}.html`,
  findings: "findings.html",
};
