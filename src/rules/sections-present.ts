/**
 * The explanations 财预〔2016〕143号 requires are all published: Part 1 (duties and structure), Part 2 (policies and
 * performance goals) as far as the layout has them (`narrative.frontParts`), and every Part 3 section the template
 * lists, each with its text.
 */
import type { BudgetDocument } from "../model/document.ts";
import type { Rule } from "./rule.ts";

const blank = (text: string | undefined) => (text ?? "").trim() === "";

const PART1 = { section: "part1", where: "第一部分", whereEn: "Part 1" };
const PART2 = { section: "part2", where: "第二部分", whereEn: "Part 2" };

/** The parts of Parts 1 and 2 a disclosure must carry, each with whether the document has it. */
function frontParts(doc: BudgetDocument) {
  const goal = doc.part2.departmentGoal;
  const goals =
    !blank(goal.annualGoal) || !blank(goal.overallGoal) || goal.indicators.length + doc.part2.tasks.length > 0;
  return [
    { id: "duties", ...PART1, part: "主要职责", partEn: "duties", present: doc.part1.duties.some((d) => !blank(d)) },
    { id: "structure", ...PART1, part: "机构设置", partEn: "structure", present: !blank(doc.part1.structure) },
    {
      id: "policies",
      ...PART2,
      part: "确定工作目标所依据的政策",
      partEn: "policies",
      present: doc.part2.policies.some((p) => !blank(p)),
    },
    { id: "goals", ...PART2, part: "部门整体及主要工作任务绩效目标", partEn: "performance goals", present: goals },
  ];
}

export const sectionsPresent: Rule = {
  meta: {
    id: "sections-present",
    title: "说明部分齐全",
    severity: "error",
    kind: "compliance",
    description:
      "Part 1 (duties, structure), Part 2 (policies, performance goals) and every Part 3 section of the template are present with text.",
  },
  check({ doc, template, report }) {
    const required = template.narrative.frontParts ?? ["duties", "structure", "policies", "goals"];
    for (const p of frontParts(doc).filter((f) => required.includes(f.id))) {
      const { present, id: _id, ...data } = p;
      if (!present) report({ messageId: "missingPart", data, location: { section: p.section } });
    }
    for (const spec of template.narrative.sections) {
      const section = doc.part3.find((s) => s.id === spec.id);
      const data = { id: spec.id, title: spec.title };
      if (!section) report({ messageId: "missingSection", data, location: { section: spec.id } });
      else if (blank(section.text)) report({ messageId: "emptySection", data, location: { section: spec.id } });
    }
  },
};
