/**
 * The embedded typeface: Noto Sans Hans (SIL OFL) from @embedpdf/fonts-sc, Regular and Bold. pdfmake subsets it, so
 * a disclosure carries only the glyphs it prints and its text stays selectable and searchable.
 *
 * The font files (8 MB each) are read once per process into pdfmake's in-memory file system; pdfmake is a process-wide
 * singleton, so its fonts and access policies are set here once, before the first render.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import pdfmake from "pdfmake";

export const FONT_FAMILY = "NotoSansHans";

const FILES = { normal: "NotoSansHans-Regular.otf", bold: "NotoSansHans-Bold.otf" } as const;

/** The part of pdfmake's singleton the typings leave out: its in-memory file system. */
interface VirtualFileSystem {
  existsSync(name: string): boolean;
  writeFileSync(name: string, content: Buffer): void;
}

function fontDirectory(): string {
  const require = createRequire(import.meta.url);
  // The package exports only its script (dist/index.cjs); the fonts sit beside dist/.
  return join(dirname(require.resolve("@embedpdf/fonts-sc")), "..", "fonts");
}

let ready = false;

/** Registers the fonts with pdfmake the first time it is called; later calls cost nothing. */
export function usePdfFonts(): typeof pdfmake {
  if (ready) return pdfmake;
  const vfs = (pdfmake as unknown as { virtualfs: VirtualFileSystem }).virtualfs;
  const directory = fontDirectory();
  for (const file of Object.values(FILES)) {
    if (!vfs.existsSync(file)) vfs.writeFileSync(file, readFileSync(join(directory, file)));
  }
  pdfmake.addFonts({ [FONT_FAMILY]: { normal: FILES.normal, bold: FILES.bold } });
  // A disclosure needs nothing from the network or the disk beyond the fonts above.
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
  ready = true;
  return pdfmake;
}
