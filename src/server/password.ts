/**
 * Password hashing with scrypt (memory-hard, in Node's crypto): `scrypt$N$r$p$salt$hash`, base64url parts, so the
 * cost can be raised later without invalidating stored hashes.
 */
import { randomBytes, scrypt, timingSafeEqual } from "node:crypto";
import type { MessageRef } from "../i18n.ts";

const COST = { N: 16384, r: 8, p: 1 };
const KEY_LENGTH = 32;

function derive(password: string, salt: Buffer, N: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize("NFC"), salt, KEY_LENGTH, { N, r, p, maxmem: 64 * 1024 * 1024 }, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, COST.N, COST.r, COST.p);
  return ["scrypt", COST.N, COST.r, COST.p, salt.toString("base64url"), key.toString("base64url")].join("$");
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, N, r, p, salt, key] = stored.split("$");
  if (scheme !== "scrypt" || !salt || !key) return false;
  const expected = Buffer.from(key, "base64url");
  const actual = await derive(password, Buffer.from(salt, "base64url"), Number(N), Number(r), Number(p));
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

const LENGTH = { min: 10, max: 200 };

/**
 * What a password must be: long enough to resist guessing, short enough not to be a denial of service. The problem
 * is a message of data/messages/server.yaml, said in whichever language the caller answers in.
 */
export function passwordProblem(password: string): MessageRef | undefined {
  if (password.length < LENGTH.min) return { key: "error.passwordShort", data: LENGTH };
  if (password.length > LENGTH.max) return { key: "error.passwordLong", data: LENGTH };
  return undefined;
}
