/** The fact subjects' words and each template section's subjects (data/import/subjects.yaml). */
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { dataPath } from "../../paths.ts";
import { comparable } from "../text.ts";

interface SubjectData {
  words: Record<string, string[]>;
  quantities: Record<string, string[]>;
  sections: Record<string, Record<string, string[]>>;
}

export interface Word {
  /** The word as the text is searched for it: quotes optional, brackets folded. */
  pattern: RegExp;
  subjects: string[];
}

let data: SubjectData | undefined;
let words: Word[] | undefined;

function subjectData(): SubjectData {
  data ??= parse(readFileSync(dataPath("import/subjects.yaml"), "utf8")) as SubjectData;
  return data;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Every word with the subjects it names; the quotes of "三公" optional (三公经费 and “三公”经费 alike). */
export function subjectWords(): Word[] {
  if (!words) {
    const bySubjects = new Map<string, string[]>();
    for (const [subject, list] of Object.entries(subjectData().words)) {
      for (const word of list) {
        const key = comparable(word).replace(/["']/g, "");
        bySubjects.set(key, [...(bySubjects.get(key) ?? []), subject]);
      }
    }
    words = [...bySubjects].map(([word, subjects]) => ({
      pattern: new RegExp(escapeRegExp(word).replace(/三公/g, `["“”']?三公["“”']?`), "g"),
      subjects,
    }));
  }
  return words;
}

/** The units a quantity subject is stated in (平方米, 辆 …), comparable; undefined for a money subject. */
export function quantityUnits(subject: string): string[] | undefined {
  return subjectData().quantities[subject]?.map(comparable);
}

/** The subjects a template's section states. */
export function sectionSubjects(template: string, section: string): string[] {
  const sections = subjectData().sections;
  return sections[template]?.[section] ?? sections.default?.[section] ?? [];
}
