/**
 * CSV as a preparer writes it (RFC 4180: quoted fields, doubled quotes, CRLF or LF, an optional BOM), keeping the
 * line each record starts on so that an error can name it.
 */
export interface CsvRecord {
  line: number;
  fields: string[];
}

export function parseCsvLines(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  const src = text.replace(/^\uFEFF/, "");
  let fields: string[] = [];
  let field = "";
  let quoted = false;
  let line = 1;
  let start = 1;
  const end = () => {
    fields.push(field);
    if (fields.some((f) => f.trim() !== "")) records.push({ line: start, fields });
    fields = [];
    field = "";
  };
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (ch === "\n") line++;
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else if (ch === "\r" && src[i + 1] === "\n") continue;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      fields.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && src[i + 1] === "\n") continue;
      end();
      start = ch === "\r" ? ++line : line;
    } else field += ch;
  }
  if (field !== "" || fields.length > 0) end();
  return records;
}
