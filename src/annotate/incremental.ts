/**
 * An incremental update (PDF 32000-1, 7.5.6): the original bytes stay as they are, and the objects added or changed
 * are appended after them with a cross-reference section of their own that points back at the original's. A
 * signature, a checksum or a viewer's "original version" over the first bytes stays valid.
 */
import { type PDFDict, type PDFDocument, PDFName, PDFNumber, type PDFObject, type PDFRef } from "pdf-lib";

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** Where the original's last cross-reference section starts, what kind it is, and the object count it declares. */
function lastSection(original: Uint8Array): { offset: number; stream: boolean; size: number } {
  const bytes = latin1(original);
  const at = bytes.lastIndexOf("startxref");
  const offset = at < 0 ? Number.NaN : Number(/^startxref\s+(\d+)/.exec(bytes.toString("latin1", at, at + 40))?.[1]);
  if (!Number.isSafeInteger(offset) || offset >= original.length) {
    throw new Error("the PDF has no readable startxref: it cannot take an incremental update");
  }
  const section = bytes.toString("latin1", offset, Math.min(original.length, offset + 4_096));
  const stream = !/^\s*xref/.test(section);
  let trailer = section;
  if (!stream) {
    const start = bytes.indexOf("trailer", offset);
    trailer = start < 0 ? "" : bytes.toString("latin1", start, Math.min(original.length, start + 4_096));
  }
  const size = Number(/\/Size\s+(\d+)/.exec(trailer)?.[1] ?? 0);
  return { offset, stream, size };
}

const ascii = (text: string) => Buffer.from(text, "latin1");

function serialise(object: PDFObject): Uint8Array {
  const buffer = new Uint8Array(object.sizeInBytes());
  object.copyBytesInto(buffer, 0);
  return buffer;
}

export class IncrementalUpdate {
  private readonly objects = new Map<string, { ref: PDFRef; object: PDFObject }>();
  private readonly previous: { offset: number; stream: boolean; size: number };

  constructor(
    private readonly original: Uint8Array,
    private readonly pdf: PDFDocument,
  ) {
    this.previous = lastSection(original);
    // New objects take numbers after every number the original uses or declares.
    const context = pdf.context;
    context.largestObjectNumber = Math.max(context.largestObjectNumber, this.previous.size - 1);
  }

  /** A new object, written in the update. */
  add(object: PDFObject): PDFRef {
    const ref = this.pdf.context.register(object);
    this.objects.set(ref.tag, { ref, object });
    return ref;
  }

  /** An object of the original changed in place, written again in the update. */
  changed(ref: PDFRef): void {
    const object = this.pdf.context.lookup(ref);
    if (object) this.objects.set(ref.tag, { ref, object });
  }

  /** The original bytes followed by the update. */
  bytes(): Uint8Array {
    const parts: Uint8Array[] = [this.original];
    let length = this.original.length;
    const push = (part: Uint8Array) => {
      parts.push(part);
      length += part.length;
    };
    const last = this.original[this.original.length - 1];
    if (last !== 0x0a && last !== 0x0d) push(ascii("\n"));
    const offsets: { ref: PDFRef; offset: number }[] = [];
    const sorted = [...this.objects.values()].sort((a, b) => a.ref.objectNumber - b.ref.objectNumber);
    for (const { ref, object } of sorted) {
      offsets.push({ ref, offset: length });
      push(ascii(`${ref.objectNumber} ${ref.generationNumber} obj\n`));
      push(serialise(object));
      push(ascii("\nendobj\n"));
    }
    const context = this.pdf.context;
    const { Root, Info, ID } = context.trailerInfo;
    const xrefOffset = length;
    if (this.previous.stream) {
      const ref = context.nextRef();
      offsets.push({ ref, offset: xrefOffset });
      const dict = context.obj({
        Type: "XRef",
        Size: ref.objectNumber + 1,
        Prev: this.previous.offset,
        Root,
        Info,
        ID,
      });
      push(crossReferenceStream(ref, dict, offsets));
    } else {
      push(ascii(crossReferenceTable(offsets)));
      const size = Math.max(context.largestObjectNumber + 1, this.previous.size);
      const trailer = context.obj({ Size: size, Prev: this.previous.offset, Root, Info, ID });
      push(ascii("trailer\n"));
      push(serialise(trailer));
      push(ascii("\n"));
    }
    push(ascii(`startxref\n${xrefOffset}\n%%EOF\n`));
    const out = new Uint8Array(length);
    let at = 0;
    for (const part of parts) {
      out.set(part, at);
      at += part.length;
    }
    return out;
  }
}

/** Runs of consecutive object numbers: each a subsection of the cross-reference section. */
function subsections(offsets: { ref: PDFRef; offset: number }[]): { ref: PDFRef; offset: number }[][] {
  const runs: { ref: PDFRef; offset: number }[][] = [];
  for (const entry of [...offsets].sort((a, b) => a.ref.objectNumber - b.ref.objectNumber)) {
    const run = runs[runs.length - 1];
    const previous = run?.[run.length - 1];
    if (run && previous && entry.ref.objectNumber === previous.ref.objectNumber + 1) run.push(entry);
    else runs.push([entry]);
  }
  return runs;
}

/** A classic section: 20-byte entries, offset and generation zero-padded. */
function crossReferenceTable(offsets: { ref: PDFRef; offset: number }[]): string {
  let text = "xref\n";
  for (const run of subsections(offsets)) {
    text += `${run[0]?.ref.objectNumber} ${run.length}\n`;
    for (const { ref, offset } of run) {
      text += `${String(offset).padStart(10, "0")} ${String(ref.generationNumber).padStart(5, "0")} n\r\n`;
    }
  }
  return text;
}

/** A cross-reference stream (for originals that end with one): fields of 1, 4 and 2 bytes, uncompressed. */
function crossReferenceStream(ref: PDFRef, dict: PDFDict, offsets: { ref: PDFRef; offset: number }[]): Uint8Array {
  const runs = subsections(offsets);
  const rows = runs.flat();
  const data = new Uint8Array(rows.length * 7);
  rows.forEach(({ ref: entry, offset }, i) => {
    const view = new DataView(data.buffer, i * 7, 7);
    view.setUint8(0, 1);
    view.setUint32(1, offset);
    view.setUint16(5, entry.generationNumber);
  });
  const context = dict.context;
  dict.set(PDFName.of("W"), context.obj([1, 4, 2]));
  dict.set(PDFName.of("Index"), context.obj(runs.flatMap((run) => [run[0]?.ref.objectNumber ?? 0, run.length])));
  dict.set(PDFName.of("Length"), PDFNumber.of(data.length));
  const head = ascii(`${ref.objectNumber} ${ref.generationNumber} obj\n`);
  const body = serialise(dict);
  const open = ascii("\nstream\n");
  const close = ascii("\nendstream\nendobj\n");
  const out = new Uint8Array(head.length + body.length + open.length + data.length + close.length);
  let at = 0;
  for (const part of [head, body, open, data, close]) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
