/**
 * A PDF's text as positioned items, page by page (pdfjs-dist, pure JS). Coordinates are PDF points with y growing
 * upwards, in the page's reading orientation: a page printed sideways (/Rotate 90, landscape tables) is turned
 * upright first, so that its lines and columns are found as on any other page (see orientation.ts).
 */
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { ImportError } from "../errors.ts";
import { readable } from "../text.ts";
import { type Affine, apply, IDENTITY, invert, readingFrame } from "./orientation.ts";
import { horizontalRules, type OperatorList, type Rule } from "./rules.ts";

export interface TextItem {
  page: number;
  text: string;
  x0: number;
  x1: number;
  /** Baseline. */
  y: number;
  /** Font height. */
  h: number;
  /** On a turned page: the map from these coordinates back to PDF user space, where findings are marked. */
  toUser?: Affine;
}

export interface Page {
  number: number;
  width: number;
  height: number;
  items: TextItem[];
  /** The horizontal rules the page draws (rules.ts); absent where they were not read. */
  rules?: Rule[];
}

interface PdfjsTextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
}

/** Width share of a character: CJK ideographs are about twice as wide as digits, Latin letters and spaces. */
export const textWeight = (text: string) =>
  [...text].reduce((n, ch) => n + (/[\u2e80-\uffff]/u.test(ch) ? 1 : 0.55), 0);

/** A run printed with spaces around it ends where its last character does: right edges must line up. */
function trimmed(item: TextItem): TextItem {
  const text = item.text.trim();
  if (text === item.text) return item;
  const unit = (item.x1 - item.x0) / Math.max(textWeight(item.text), 0.01);
  const lead = textWeight(item.text.slice(0, item.text.indexOf(text)));
  const x0 = item.x0 + lead * unit;
  return { ...item, text, x0, x1: x0 + textWeight(text) * unit };
}

export async function readPdf(data: Uint8Array, file: string): Promise<Page[]> {
  let pdf: Awaited<ReturnType<typeof getDocument>["promise"]>;
  try {
    pdf = await getDocument({ data, verbosity: 0, isEvalSupported: false, disableFontFace: true }).promise;
  } catch (error) {
    const name = (error as Error).name;
    if (name === "PasswordException") throw new ImportError(file, "the PDF is encrypted with a password");
    throw new ImportError(file, `not a readable PDF (${(error as Error).message})`);
  }
  const pages: Page[] = [];
  try {
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const viewport = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const frame = readingFrame(page.rotate, page.view);
      // Shared by every item of the page; absent where reading and user space are one.
      const toUser = frame === IDENTITY ? undefined : invert(frame);
      const items: TextItem[] = [];
      for (const raw of content.items as PdfjsTextItem[]) {
        if (typeof raw.str !== "string" || raw.str.trim() === "") continue;
        const [, , , d = 0, ux = 0, uy = 0] = raw.transform;
        const h = Math.abs(raw.height || d);
        // pdfjs gives the width along the text, which on a turned page runs left to right once turned upright.
        const [x, y] = apply(frame, ux, uy);
        const item: TextItem = { page: n, text: readable(raw.str), x0: x, x1: x + raw.width, y, h };
        if (toUser) item.toUser = toUser;
        items.push(trimmed(item));
      }
      const rules = horizontalRules((await page.getOperatorList()) as OperatorList, frame);
      pages.push({ number: n, width: viewport.width, height: viewport.height, items, rules });
      page.cleanup();
    }
  } catch (error) {
    throw new ImportError(file, `the PDF is damaged (page ${pages.length + 1}: ${(error as Error).message})`);
  } finally {
    await pdf.destroy();
  }
  if (pages.every((p) => p.items.length === 0)) {
    throw new ImportError(file, `no text layer in ${pages.length} pages: a scanned PDF needs OCR before import`);
  }
  return pages;
}
