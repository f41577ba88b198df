/**
 * Who is asking: the session cookie (HttpOnly, SameSite=Strict) names a session in the store; every state-changing
 * request must carry that session's CSRF token (header `x-csrf-token`, or form field `_csrf`), and anonymous writes
 * are refused. Logging in is the one write without a session: it must come from this site (Origin) and is rate-limited.
 */
import "@fastify/cookie";
import "@fastify/multipart";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Store } from "../store/connect.ts";
import type { Role, User } from "../store/schema.ts";
import {
  type ActiveSession,
  createSession,
  deleteExpiredSessions,
  deleteSession,
  findSession,
} from "../store/sessions.ts";
import { findUser } from "../store/users.ts";
import { forbidden, HttpError, unauthorized } from "./http-error.ts";
import { verifyPassword } from "./password.ts";
import type { LoginLimiter } from "./rate-limit.ts";

export const SESSION_COOKIE = "yusuan_session";
const SESSION_TTL_MS = 12 * 60 * 60_000;
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

declare module "fastify" {
  interface FastifyRequest {
    viewer?: ActiveSession;
  }
}

export interface AuthOptions {
  /** Mark cookies Secure (behind HTTPS). Off for plain-HTTP local use and tests. */
  secureCookies: boolean;
  limiter: LoginLimiter;
}

function submittedToken(request: FastifyRequest): string | undefined {
  const header = request.headers["x-csrf-token"];
  if (typeof header === "string") return header;
  const body = request.body as Record<string, unknown> | undefined;
  if (body && typeof body === "object" && typeof body._csrf === "string") return body._csrf;
  // A multipart upload's fields are read only after this check, so its form puts the token in the query.
  const query = request.query as Record<string, unknown> | undefined;
  if (request.isMultipart() && typeof query?._csrf === "string") return query._csrf;
  return undefined;
}

/** A write from another site's page (no session is involved, so only Origin can tell). */
function crossSite(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (!origin) return request.headers["sec-fetch-site"] === "cross-site";
  try {
    return new URL(origin).host !== request.headers.host;
  } catch {
    return true;
  }
}

export function registerAuth(app: FastifyInstance, store: Store): void {
  app.decorateRequest("viewer", undefined);

  app.addHook("onRequest", async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) request.viewer = await findSession(store.db, token);
  });

  // After the body is parsed, so that a form's _csrf field can be read.
  app.addHook("preHandler", async (request) => {
    if (SAFE_METHODS.has(request.method)) return;
    if (request.routeOptions.config?.login) {
      if (crossSite(request)) throw forbidden("error.crossSiteLogin");
      return;
    }
    if (!request.viewer) throw unauthorized();
    if (submittedToken(request) !== request.viewer.csrfToken) {
      throw new HttpError(403, "error.csrf");
    }
  });
}

declare module "fastify" {
  interface FastifyContextConfig {
    /** The login route: a write allowed without a session. */
    login?: boolean;
  }
}

/** The signed-in user, who must have one of `roles` (any role when none given). */
export function requireUser(request: FastifyRequest, ...roles: Role[]): User {
  const user = request.viewer?.user;
  if (!user) throw unauthorized();
  if (roles.length > 0 && !roles.includes(user.role)) throw forbidden();
  return user;
}

/** Checks the password (rate-limited per account and per address) and opens a session. */
export async function logIn(
  store: Store,
  options: AuthOptions,
  request: FastifyRequest,
  reply: FastifyReply,
  username: string,
  password: string,
): Promise<ActiveSession> {
  const attempt = { username, address: request.ip };
  const wait = options.limiter.retryAfter(attempt);
  if (wait > 0) {
    reply.header("retry-after", Math.ceil(wait / 1000));
    throw new HttpError(429, "error.tooManySignIns");
  }
  const user = await findUser(store.db, username);
  // Verify against a dummy hash when the user is unknown, so timing does not reveal which names exist.
  const ok = await verifyPassword(password, user?.password_hash ?? DUMMY_HASH);
  if (!user || !ok) {
    options.limiter.fail(attempt);
    throw new HttpError(401, "error.wrongPassword");
  }
  options.limiter.succeed(attempt);
  // Sessions end by expiry as well as by signing out; signing in is a good moment to sweep the expired ones.
  await deleteExpiredSessions(store.db);
  const grant = await createSession(store.db, user.id, SESSION_TTL_MS);
  reply.setCookie(SESSION_COOKIE, grant.token, {
    path: "/",
    httpOnly: true,
    sameSite: "strict",
    secure: options.secureCookies,
    expires: new Date(grant.expiresAt),
  });
  return { user, csrfToken: grant.csrfToken };
}

export async function logOut(store: Store, request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const token = request.cookies[SESSION_COOKIE];
  if (token) await deleteSession(store.db, token);
  reply.clearCookie(SESSION_COOKIE, { path: "/" });
}

const DUMMY_HASH = "scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
