/** A finding, in the shape `yusuan validate --format json` publishes (a stable contract for other tools). */
export type Severity = "error" | "warning" | "info";

export type DiagnosticKind =
  | "schema"
  | "catalog"
  | "arithmetic"
  | "rounding"
  | "cross-table"
  | "narrative"
  | "compliance"
  | "plausibility"
  | "wording";

export interface Location {
  table?: string;
  row?: string;
  column?: string;
  section?: string;
  /** For narrative findings: the phrase the finding is about. */
  text?: string;
  /** For schema findings: the JSON pointer into the document. */
  path?: string;
}

export interface Diagnostic {
  rule: string;
  severity: Severity;
  kind: DiagnosticKind;
  message: string;
  messageEn: string;
  location: Location;
  /** In the table's display unit with its decimals and no thousands separators, e.g. "2171.04". */
  expected?: string;
  actual?: string;
  intervals?: { expected: [string, string]; actual: [string, string] };
}

export interface Summary {
  errors: number;
  warnings: number;
  infos: number;
}

export function summarise(diagnostics: readonly Diagnostic[]): Summary {
  const count = (s: Severity) => diagnostics.filter((d) => d.severity === s).length;
  return { errors: count("error"), warnings: count("warning"), infos: count("info") };
}
