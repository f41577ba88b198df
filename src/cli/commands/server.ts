/**
 * The server's commands: `serve` (the portal, workbench and API), `user add` (an account, e.g. the first admin),
 * `backup` and `restore` (the whole store as one file, portable between SQLite and PostgreSQL).
 */
import type { Command } from "commander";
import { InputError } from "../../model/load.ts";
import type { Store } from "../../store/connect.ts";

const DB_HELP = "an SQLite file, or a postgres://user@host:port/database URL";
const DEFAULT_DB = "yusuan.db";

/** Opens the store, or says plainly why not (no such database, server down, not a yusuan store). */
async function open(location: string): Promise<Store> {
  const { openStore } = await import("../../store/connect.ts");
  try {
    return await openStore(location);
  } catch (error) {
    const shown = location.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@");
    throw new InputError(`cannot open the store ${shown}: ${(error as Error).message}`);
  }
}

async function withStore<T>(location: string, work: (store: Store) => Promise<T>) {
  const store = await open(location);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

export function serverCommands(program: Command): void {
  program
    .command("serve")
    .description("run the portal (/), the workbench (/workbench) and the API (/api/v1, docs at /docs)")
    .option("--port <n>", "port", "8080")
    .option("--host <host>", "address to listen on", "127.0.0.1")
    .option("--db <location>", DB_HELP, DEFAULT_DB)
    .option("--demo", "add demo accounts (password yusuan-demo-2021) and publish the founding document")
    .option("--secure-cookies", "mark cookies Secure (when served over HTTPS)")
    .action(async (options: { port: string; host: string; db: string; demo?: boolean; secureCookies?: boolean }) => {
      const { buildServer } = await import("../../server/app.ts");
      const store = await open(options.db);
      if (options.demo) {
        const { seedDemo } = await import("../../server/demo.ts");
        await seedDemo(store);
      }
      const app = await buildServer(store, { secureCookies: options.secureCookies, logger: false });
      const address = await app.listen({ port: Number(options.port), host: options.host });
      process.stderr.write(
        `yusuan serving ${store.location} at ${address}\n  portal ${address}/  workbench ${address}/workbench  API docs ${address}/docs\n`,
      );
      const stop = async () => {
        await app.close();
        await store.close();
        process.exit(0);
      };
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
    });

  const user = program.command("user").description("accounts");
  user
    .command("add")
    .description("add an account; the password is read from the YUSUAN_PASSWORD environment variable")
    .argument("<username>")
    .requiredOption("--role <role>", "admin, reviewer or preparer")
    .option("--department <name>", "the department a preparer prepares for, as published")
    .option("--name <display>", "the name shown")
    .option("--db <location>", DB_HELP, DEFAULT_DB)
    .action(async (username: string, options: { role: string; department?: string; name?: string; db: string }) => {
      const password = process.env.YUSUAN_PASSWORD;
      if (!password) throw new InputError("set YUSUAN_PASSWORD to the new account's password");
      const { createAccount } = await import("../../server/accounts.ts");
      const { HttpError } = await import("../../server/http-error.ts");
      await withStore(options.db, async (store) => {
        try {
          const role = options.role as "admin" | "reviewer" | "preparer";
          await createAccount({ store }, undefined, {
            username,
            password,
            role,
            department: options.department,
            displayName: options.name,
          });
        } catch (error) {
          if (error instanceof HttpError) throw new InputError(error.message);
          throw error;
        }
      });
      process.stderr.write(`account ${username} (${options.role}) added to ${options.db}\n`);
    });

  program
    .command("backup")
    .description("write the whole store to one file (gzip JSON lines), restorable into SQLite or PostgreSQL")
    .requiredOption("--out <file>", "the backup file, e.g. yusuan-backup.jsonl.gz")
    .option("--db <location>", DB_HELP, DEFAULT_DB)
    .action(async (options: { out: string; db: string }) => {
      const { backupStore } = await import("../../store/backup.ts");
      const counts = await withStore(options.db, (store) => backupStore(store, options.out));
      process.stderr.write(`${options.out}: ${JSON.stringify(counts)}\n`);
    });

  program
    .command("restore")
    .description("restore a backup into a new, empty store")
    .argument("<file>", "a file written by `yusuan backup`")
    .option("--db <location>", DB_HELP, DEFAULT_DB)
    .action(async (file: string, options: { db: string }) => {
      const { restoreStore } = await import("../../store/backup.ts");
      try {
        const counts = await withStore(options.db, (store) => restoreStore(store, file));
        process.stderr.write(`restored into ${options.db}: ${JSON.stringify(counts)}\n`);
      } catch (error) {
        if (error instanceof InputError) throw error;
        throw new InputError(`${file}: ${(error as Error).message}`);
      }
    });
}
