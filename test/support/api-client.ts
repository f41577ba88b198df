/**
 * Talking to the server in tests through `app.inject`: multipart bodies built by hand, signing in, the founding
 * document as the JSON file a preparer would upload, and the app's routes as `METHOD /path` for completeness checks.
 */
import { randomUUID } from "node:crypto";
import { join } from "node:path";
import type { FastifyInstance, InjectOptions } from "fastify";
import { openDocument } from "../../src/model/load.ts";
import { ROOT } from "../../src/paths.ts";
import { SESSION_COOKIE } from "../../src/server/auth.ts";

export const foundingDocument = () => openDocument(join(ROOT, "examples", "haizhu-2021")).doc;

/** A multipart/form-data body with one file (field `file`) and text fields. */
export function multipart(fileName: string, content: Uint8Array | string, fields: Record<string, string> = {}) {
  const boundary = `----yusuan-test-${randomUUID()}`;
  const parts = Object.entries(fields).map(
    ([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  const fileHead = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  const payload = Buffer.concat([
    Buffer.from(parts.join("") + fileHead),
    Buffer.from(content),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { "content-type": `multipart/form-data; boundary=${boundary}` } };
}

export interface Session {
  token: string;
  csrfToken: string;
  /** The headers a signed-in write sends: the cookie and the CSRF token. */
  headers: Record<string, string>;
}

export const sessionOf = (token: string, csrfToken: string): Session => ({
  token,
  csrfToken,
  headers: { cookie: `${SESSION_COOKIE}=${token}`, "x-csrf-token": csrfToken },
});

export async function signIn(app: FastifyInstance, username: string, password: string): Promise<Session> {
  const response = await app.inject({ method: "POST", url: "/api/v1/session", payload: { username, password } });
  if (response.statusCode !== 200) throw new Error(`sign-in as ${username}: ${response.statusCode} ${response.body}`);
  const token = response.cookies.find((c) => c.name === SESSION_COOKIE)?.value;
  if (!token) throw new Error(`sign-in as ${username}: no session cookie`);
  return sessionOf(token, response.json().csrfToken);
}

/** Injects a request as `session` (anonymous when undefined). */
export const call = (app: FastifyInstance, session: Session | undefined, options: InjectOptions) =>
  app.inject({ ...options, headers: { ...session?.headers, ...options.headers } });

/** Uploads `content` as `fileName` to POST /api/v1/budgets. */
export function upload(
  app: FastifyInstance,
  session: Session | undefined,
  fileName: string,
  content: Uint8Array | string,
  fields: Record<string, string> = {},
) {
  const body = multipart(fileName, content, fields);
  return call(app, session, { method: "POST", url: "/api/v1/budgets", payload: body.payload, headers: body.headers });
}

/**
 * Every route of the app as `METHOD /path` (`:id` style), read from Fastify's route tree (an onRoute hook would have
 * to be added before buildServer registers them). HEAD routes Fastify adds for each GET are left out.
 */
export function routesOf(app: FastifyInstance): string[] {
  const routes: string[] = [];
  const paths: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split("\n")) {
    const match = /^([│├└─\s]*?)(\S+) \(([A-Z, ]+)\)$/.exec(line);
    if (!match) continue;
    const [, indent = "", segment = "", methods = ""] = match;
    const depth = indent.length / 4;
    paths.length = depth;
    const parent = paths[depth - 1] ?? "";
    // The tree prints a wildcard under `/budgets/:id` as `*`, dropping the slash of `/budgets/:id/*`.
    const path = segment === "*" && !parent.endsWith("/") ? `${parent}/*` : `${parent}${segment}`;
    paths[depth] = path;
    for (const method of methods.split(", ")) if (method !== "HEAD") routes.push(`${method} ${path}`);
  }
  return routes.sort();
}
