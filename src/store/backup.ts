/**
 * Backup and restore, independent of the database: every row of every table as one JSON line (binary content as
 * base64), gzip-compressed. A backup of an SQLite store restores into PostgreSQL and back.
 */
import { createReadStream, createWriteStream } from "node:fs";
import { createInterface } from "node:readline";
import { pipeline } from "node:stream/promises";
import { createGunzip, createGzip } from "node:zlib";
import { sql } from "kysely";
import type { Store } from "./connect.ts";
import { TABLE_ORDER } from "./schema.ts";

const FORMAT = "yusuan-backup-1";
type TableName = (typeof TABLE_ORDER)[number];
type Row = Record<string, unknown>;

const encode = (row: Row) =>
  Object.fromEntries(
    Object.entries(row).map(([k, v]) => [
      k,
      v instanceof Uint8Array ? { base64: Buffer.from(v).toString("base64") } : v,
    ]),
  );

const decode = (row: Row) =>
  Object.fromEntries(
    Object.entries(row).map(([k, v]) =>
      v !== null && typeof v === "object" && "base64" in v ? [k, Buffer.from(String(v.base64), "base64")] : [k, v],
    ),
  );

async function* lines(store: Store): AsyncGenerator<string> {
  yield `${JSON.stringify({ format: FORMAT, dialect: store.dialect, created: new Date().toISOString() })}\n`;
  for (const table of TABLE_ORDER) {
    // Pages keep memory bounded however large the store (published files hold whole PDFs, so fewer at a time).
    const pageSize = table === "published_files" ? 20 : 500;
    const order = table === "published_files" ? "version_id, path" : "id";
    for (let offset = 0; ; offset += pageSize) {
      const rows = (await store.db
        .selectFrom(table)
        .selectAll()
        .orderBy(sql.raw(order))
        .limit(pageSize)
        .offset(offset)
        .execute()) as Row[];
      for (const row of rows) yield `${JSON.stringify({ table, row: encode(row) })}\n`;
      if (rows.length < pageSize) break;
    }
  }
}

/** Writes every row of the store to `file` (gzip JSON lines); returns the number of rows per table. */
export async function backupStore(store: Store, file: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  async function* counted() {
    for await (const line of lines(store)) {
      const table = line.startsWith('{"table":"') ? line.slice(10, line.indexOf('"', 10)) : undefined;
      if (table) counts[table] = (counts[table] ?? 0) + 1;
      yield line;
    }
  }
  await pipeline(counted, createGzip(), createWriteStream(file));
  return counts;
}

/**
 * Restores a backup into an empty store (one that has just been migrated), in one transaction: a backup that
 * fails half-way leaves the store empty, never half-restored.
 */
export async function restoreStore(store: Store, file: string): Promise<Record<string, number>> {
  const existing = await store.db.selectFrom("users").select("id").limit(1).execute();
  if (existing.length > 0) throw new Error(`${store.location} is not empty: restore only into a new store`);
  const counts: Record<string, number> = {};
  await store.db.transaction().execute(async (trx) => {
    // Made right before it is iterated: lines read while the transaction began would be lost, and a file read to
    // its end before the loop starts would leave the loop waiting forever.
    const reader = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
    let header = true;
    const pending: { table: TableName; rows: Row[] } = { table: TABLE_ORDER[0], rows: [] };
    const flush = async () => {
      if (pending.rows.length === 0) return;
      await trx
        .insertInto(pending.table)
        .values(pending.rows as never)
        .execute();
      pending.rows = [];
    };
    for await (const line of reader) {
      if (!line.trim()) continue;
      const record = JSON.parse(line);
      if (header) {
        if (record.format !== FORMAT) throw new Error(`${file}: not a yusuan backup (format ${record.format})`);
        header = false;
        continue;
      }
      if (!TABLE_ORDER.includes(record.table)) throw new Error(`${file}: unknown table ${record.table}`);
      if (record.table !== pending.table || pending.rows.length >= 200) await flush();
      pending.table = record.table;
      pending.rows.push(decode(record.row));
      counts[record.table] = (counts[record.table] ?? 0) + 1;
    }
    await flush();
    if (header) throw new Error(`${file}: empty backup`);
    if (store.dialect === "postgres") {
      // Rows came with their ids; move each sequence past them so that new rows do not collide.
      for (const table of TABLE_ORDER.filter((t) => t !== "sessions" && t !== "published_files")) {
        await sql`select setval(pg_get_serial_sequence(${table}, 'id'), coalesce((select max(id) from ${sql.table(table)}), 0) + 1, false)`.execute(
          trx,
        );
      }
    }
  });
  return counts;
}
