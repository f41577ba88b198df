/**
 * `yusuan export-site`: the public portal as static files in one folder (see src/server/portal/export.ts), for a
 * plain web server, an archive, or reading offline.
 */
import type { Command } from "commander";
import { InputError } from "../../model/load.ts";

export function exportSiteCommand(program: Command): void {
  program
    .command("export-site")
    .description("write the public portal (every published budget, search, comparisons) as static files")
    .requiredOption("--out <dir>", "the folder to write: new, empty, or an earlier export")
    .option("--db <location>", "an SQLite file, or a postgres://user@host:port/database URL", "yusuan.db")
    .action(async (options: { out: string; db: string }) => {
      const { openStore } = await import("../../store/connect.ts");
      const { ExportError, exportSite } = await import("../../server/portal/export.ts");
      let store: Awaited<ReturnType<typeof openStore>>;
      try {
        store = await openStore(options.db);
      } catch (error) {
        const where = options.db.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@");
        throw new InputError(`cannot open the store ${where}: ${(error as Error).message}`);
      }
      try {
        const summary = await exportSite(store, options.out);
        process.stderr.write(
          `${options.out}: ${summary.budgets} published budgets of ${summary.departments} departments, ${summary.files} files (${Math.round(summary.bytes / 1024)} KiB)\n`,
        );
      } catch (error) {
        if (error instanceof ExportError) throw new InputError(error.message);
        throw error;
      } finally {
        await store.close();
      }
    });
}
