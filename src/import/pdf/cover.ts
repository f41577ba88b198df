/**
 * The cover of a published disclosure: its title, year and department. Covers differ — Guangdong prints
 * "2026年广州市信访局部门预算"; Shanghai "上海市普陀区2024年区级部门预算" then "预算主管部门：…"; a final account
 * "上海市普陀区财政局" / "年度部门决算" / "2024" on three lines — so the department is read from a labelled line
 * first, then from a line that names an organisation (the words: data/import/cover.yaml), and the year is put back
 * into a title printed without it.
 */
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { dataPath } from "../../paths.ts";
import { comparable } from "../text.ts";
import type { Line } from "./lines.ts";

export interface Cover {
  year: number;
  title: string;
  /** The department as the cover states it, when it does. */
  department?: string;
}

const words: { labels: string[]; organisationEndings: string[] } = parse(
  readFileSync(dataPath("import", "cover.yaml"), "utf8"),
);
const LABELLED = new RegExp(`^(?:${words.labels.join("|")})[:：]\\s*(.+)$`);
const YEAR_ONLY = /^((?:19|20)\d{2})年?$/;
const ORGANISATION = new RegExp(`(?:${words.organisationEndings.join("|")})$`);

export function readCover(lines: Line[]): Cover {
  const firstPage = lines[0]?.page;
  const texts: string[] = [];
  for (const line of lines.slice(0, 12)) {
    const text = comparable(line.text).replace(/\s+/g, "");
    if (line.page !== firstPage || /^目录/.test(text)) break;
    if (text) texts.push(text);
  }
  const labelled = texts.map((t) => LABELLED.exec(t)?.[1]).find((d) => d !== undefined);
  const yearLine = texts.find((t) => YEAR_ONLY.test(t));
  const titleLines = texts.filter((t) => !LABELLED.test(t) && t !== yearLine).slice(0, 3);
  let title = titleLines.join("").replace(/目录$/, "");
  const printedYear = YEAR_ONLY.exec(yearLine ?? "")?.[1];
  if (printedYear && !title.includes(printedYear)) {
    title = title.includes("年度") ? title.replace("年度", `${printedYear}年度`) : `${printedYear}年${title}`;
  }
  const year = Number(/(20\d{2}|19\d{2})/.exec(title)?.[1] ?? printedYear ?? 0);
  const named = titleLines.find((t) => !/\d/.test(t) && ORGANISATION.test(t));
  return { year, title, department: labelled ?? named };
}
