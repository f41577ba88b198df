/**
 * The store's tables, as Kysely types. One schema for SQLite and PostgreSQL: times are ISO-8601 text, amounts are
 * integers (bigint), documents are JSON text, so that a backup taken from one restores into the other.
 */
import type { Generated, Insertable, Selectable } from "kysely";

export type Role = "admin" | "reviewer" | "preparer";

/** Where a budget is in its review: a preparer drafts and submits, a reviewer returns or approves, an admin publishes. */
export type BudgetStatus = "draft" | "submitted" | "returned" | "approved" | "published";

export interface DepartmentTable {
  id: Generated<number>;
  /** The name as published, e.g. 广州市海珠区政务服务数据管理局; unique. */
  name: string;
  created_at: string;
}

export interface UserTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  password_hash: string;
  role: Role;
  /** A preparer's department; null for reviewers and admins. */
  department_id: number | null;
  created_at: string;
}

export interface SessionTable {
  /** SHA-256 of the cookie's token, so a leaked table opens no session. */
  id: string;
  user_id: number;
  csrf_token: string;
  expires_at: string;
  created_at: string;
}

export interface BudgetTable {
  id: Generated<number>;
  department_id: number;
  year: number;
  /** 预算 (budget) or 决算 (final accounts), from the document's template. */
  phase: string;
  status: BudgetStatus;
  /** The newest version's number; an edit based on an older one is refused (optimistic concurrency). */
  head: number;
  published_version: number | null;
  updated_at: string;
}

export interface VersionTable {
  id: Generated<number>;
  budget_id: number;
  number: number;
  author_id: number;
  created_at: string;
  /** What made this version: an upload (with the file's name) or an edit. */
  note: string;
  /** The BudgetDocument as JSON. Versions are only ever inserted, never updated. */
  document: string;
  /** SHA-256 of `document`: what a published version shows so that anyone can check it. */
  hash: string;
  template: string;
  errors: number;
  warnings: number;
  /** The readable diff from the previous version, as JSON (DocumentChange[]). */
  changes: string;
}

export interface EventTable {
  id: Generated<number>;
  budget_id: number;
  version_number: number;
  actor_id: number;
  /** upload, edit, submit, return, approve, publish. */
  action: string;
  comment: string;
  created_at: string;
}

export interface CommentTable {
  id: Generated<number>;
  budget_id: number;
  version_number: number;
  author_id: number;
  /** The table (and row) commented on; both empty for a comment on the whole budget. */
  table_id: string;
  row_key: string;
  text: string;
  created_at: string;
}

export interface PublishedFileTable {
  version_id: number;
  /** Relative path inside the published budget, e.g. `index.html`, `budget.pdf`, `csv/T01.csv`. */
  path: string;
  content: Buffer;
}

/** What the portal's search finds: departments, projects, procurement items and key amounts of published budgets. */
export interface SearchEntryTable {
  id: Generated<number>;
  budget_id: number;
  version_id: number;
  kind: string;
  text: string;
  amount: number | null;
  /** Where in the budget book it is, relative to the book's folder. */
  path: string;
}

export interface Database {
  departments: DepartmentTable;
  users: UserTable;
  sessions: SessionTable;
  budgets: BudgetTable;
  versions: VersionTable;
  events: EventTable;
  comments: CommentTable;
  published_files: PublishedFileTable;
  search_entries: SearchEntryTable;
}

export type Department = Selectable<DepartmentTable>;
export type User = Selectable<UserTable>;
export type Budget = Selectable<BudgetTable>;
export type Version = Selectable<VersionTable>;
export type NewVersion = Insertable<VersionTable>;
export type Comment = Selectable<CommentTable>;

/** Every table in the order a backup writes them and a restore reads them (parents before children). */
export const TABLE_ORDER = [
  "departments",
  "users",
  "sessions",
  "budgets",
  "versions",
  "events",
  "comments",
  "published_files",
  "search_entries",
] as const satisfies readonly (keyof Database)[];
