/** What every route of the server shares: the store, the cache of published files, the login limiter, the limits. */
import type { Store } from "../store/connect.ts";
import type { FindingsCache } from "./findings.ts";
import type { PublishedCache } from "./publishing.ts";
import type { LoginLimiter } from "./rate-limit.ts";

export interface ServerContext {
  store: Store;
  published: PublishedCache;
  findings: FindingsCache;
  limiter: LoginLimiter;
  secureCookies: boolean;
  /** The largest upload accepted, in bytes. */
  maxUploadBytes: number;
}
