/**
 * Rules in the style of ESLint: each module exports `meta` and a pure `check` that reports findings through the
 * context. Wording lives in data/messages/rules.yaml under the rule's id.
 */
import type { BudgetDocument } from "../model/document.ts";
import type { Template } from "../templates/template.ts";
import type { Diagnostic, DiagnosticKind, Location, Severity } from "./diagnostic.ts";
import { message } from "./messages.ts";

export interface RuleMeta {
  id: string;
  title: string;
  severity: Severity;
  kind: DiagnosticKind;
  description: string;
}

export interface Report {
  messageId: string;
  data?: Record<string, string | number>;
  location: Location;
  severity?: Severity;
  kind?: DiagnosticKind;
  expected?: string;
  actual?: string;
  intervals?: Diagnostic["intervals"];
}

export interface RuleContext {
  doc: BudgetDocument;
  template: Template;
  report(report: Report): void;
}

export interface Rule {
  meta: RuleMeta;
  check(context: RuleContext): void;
}

export function toDiagnostic(meta: RuleMeta, r: Report): Diagnostic {
  const text = message(meta.id, r.messageId, r.data);
  const d: Diagnostic = {
    rule: meta.id,
    severity: r.severity ?? meta.severity,
    kind: r.kind ?? meta.kind,
    message: text.zh,
    messageEn: text.en,
    location: r.location,
  };
  if (r.expected !== undefined) d.expected = r.expected;
  if (r.actual !== undefined) d.actual = r.actual;
  if (r.intervals !== undefined) d.intervals = r.intervals;
  return d;
}
