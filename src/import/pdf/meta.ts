/** What a table region says about itself besides its rows: its department, unit, note, why it is empty. */
import { comparable } from "../text.ts";
import type { Line } from "./lines.ts";

/** What a region says about itself besides its rows. */
export interface RegionMeta {
  department?: string;
  unitLine?: string;
  note?: string;
  emptyStatement?: string;
}

/** A line of the small integers 1, 2, 3 … that number the columns under a header. */
function isColumnNumbers(line: Line): boolean {
  const texts = line.items.flatMap((i) => i.text.trim().split(/\s+/));
  return texts.length >= 3 && texts.every((t, i) => t === String(i + 1));
}

const META = /^(?:单位名称|部门名称|编制单位|预算单位|部门\(单位\)名称|部门)[:：]/;
const UNIT = /单位[:：]\s*(万元|元)\s*$/;
/** Why a table is empty, as layouts say it (故本表为空表; 本表本年无发生额; 本部门无相关收支项目). */
const EMPTY = /为空表|本表无数据|无发生额|本表为空|无相关收支/;

/** Whether a line is none of the body — metadata or a note (read into `meta`), or the columns' numbers. */
export function readMeta(line: Line, meta: RegionMeta): boolean {
  const text = line.text.trim();
  const flat = comparable(text);
  if (META.test(flat) || UNIT.test(flat)) {
    const unit = UNIT.exec(flat);
    if (unit) meta.unitLine = `单位：${unit[1]}`;
    const dept = /(?:单位名称|部门名称|编制单位|预算单位|部门\(单位\)名称|部门)[:：](.*?)(?:单位[:：].*)?$/.exec(flat);
    if (dept?.[1]) meta.department = dept[1];
    return true;
  }
  if (/^注[:：]/.test(flat)) {
    meta.note = text.replace(/^注\s*[:：]\s*/, "");
    // Some layouts say why a table is empty in its note.
    if (EMPTY.test(flat)) meta.emptyStatement = meta.note;
    return true;
  }
  if (EMPTY.test(flat)) {
    meta.emptyStatement = text;
    return true;
  }
  return isColumnNumbers(line);
}
