/** Writes docs/rules/<id>.md for every rule, and the index. */
import { writeFileSync } from "node:fs";
import { ruleDoc, rulesIndex } from "../src/rules/docs.ts";
import { rules } from "../src/rules/index.ts";
import { schema } from "../src/rules/schema.ts";

const all = [schema, ...rules];
for (const rule of all) writeFileSync(`docs/rules/${rule.meta.id}.md`, ruleDoc(rule));
writeFileSync("docs/rules/README.md", rulesIndex(all));
console.log(`docs/rules: ${all.length} rules`);
