/**
 * What kind of file the bytes are, before a spreadsheet library sees them: an XLSX is a ZIP archive; a workbook
 * saved with a password, and an old .xls, are OLE compound files, which no XLSX reader can open.
 */
import { ImportError } from "../errors.ts";

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const COMPOUND = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const startsWith = (data: Uint8Array, magic: number[]) => magic.every((byte, i) => data[i] === byte);

/** Whether a compound file holds the stream an Office password puts there (its directory names are UTF-16LE). */
function hasEncryptionInfo(data: Uint8Array): boolean {
  const name = Buffer.from("EncryptionInfo", "utf16le");
  return Buffer.from(data.buffer, data.byteOffset, data.byteLength).includes(name);
}

/** Throws an ImportError saying what the file is when it is not an XLSX package. */
export function checkContainer(data: Uint8Array, file: string): void {
  if (data.length === 0) throw new ImportError(file, "the file is empty");
  if (startsWith(data, ZIP)) return;
  if (startsWith(data, COMPOUND)) {
    if (hasEncryptionInfo(data)) {
      throw new ImportError(file, "the workbook is encrypted with a password: save a copy without one and import that");
    }
    throw new ImportError(file, "an old-format Excel workbook (.xls): save it as .xlsx and import that");
  }
  if (startsWith(data, [0x25, 0x50, 0x44, 0x46])) throw new ImportError(file, "a PDF, not an XLSX workbook");
  throw new ImportError(file, "not an XLSX workbook (no ZIP signature)");
}
