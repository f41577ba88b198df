/** Authoring: a ledger of budget lines in, a disclosure out (docs/ledger-format.md). What the CLI calls. */
export { derive } from "./derive.ts";
export { describeIssue, LedgerError, type LedgerIssue } from "./issues.ts";
export {
  deriveFromPath,
  initWorkbook,
  isLedger,
  isLedgerInput,
  isLedgerWorkbook,
  loadLedger,
  readLedgerFolder,
} from "./load.ts";
export type { Ledger } from "./types.ts";
