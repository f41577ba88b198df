/**
 * Sessions: the cookie carries a random token, the store keeps only its SHA-256, with the CSRF token that every
 * state-changing request of that session must echo.
 */
import { createHash, randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import { now } from "./clock.ts";
import type { Database, User } from "./schema.ts";

const digest = (token: string) => createHash("sha256").update(token).digest("hex");
const randomToken = () => randomBytes(32).toString("base64url");

export interface SessionGrant {
  token: string;
  csrfToken: string;
  expiresAt: string;
}

export async function createSession(db: Kysely<Database>, userId: number, ttlMs: number): Promise<SessionGrant> {
  const grant = {
    token: randomToken(),
    csrfToken: randomToken(),
    expiresAt: new Date(Date.now() + ttlMs).toISOString(),
  };
  await db
    .insertInto("sessions")
    .values({
      id: digest(grant.token),
      user_id: userId,
      csrf_token: grant.csrfToken,
      expires_at: grant.expiresAt,
      created_at: now(),
    })
    .execute();
  return grant;
}

export interface ActiveSession {
  user: User;
  csrfToken: string;
}

export async function findSession(db: Kysely<Database>, token: string): Promise<ActiveSession | undefined> {
  const row = await db
    .selectFrom("sessions")
    .innerJoin("users", "users.id", "sessions.user_id")
    .selectAll("users")
    .select(["sessions.csrf_token", "sessions.expires_at"])
    .where("sessions.id", "=", digest(token))
    .executeTakeFirst();
  if (!row || row.expires_at <= now()) return undefined;
  const { csrf_token, expires_at: _expires, ...user } = row;
  return { user, csrfToken: csrf_token };
}

export async function deleteSession(db: Kysely<Database>, token: string): Promise<void> {
  await db.deleteFrom("sessions").where("id", "=", digest(token)).execute();
}

export async function deleteExpiredSessions(db: Kysely<Database>): Promise<void> {
  await db.deleteFrom("sessions").where("expires_at", "<=", now()).execute();
}
