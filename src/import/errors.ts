/** An input that cannot be imported, said in one line that names the file and what was recognised. */
export class ImportError extends Error {
  constructor(
    readonly file: string,
    reason: string,
  ) {
    super(`${file}: ${reason}`);
  }
}
