/**
 * Login rate limit: after a few failed attempts for one account or from one address, further attempts are refused
 * for a while, so that passwords cannot be guessed at speed. Kept in memory: one server process guards itself.
 */
export class LoginLimiter {
  private failures = new Map<string, { count: number; since: number }>();

  constructor(
    private readonly maxFailures = 5,
    private readonly windowMs = 15 * 60_000,
  ) {}

  /** Milliseconds until `keys` may try again, or 0. */
  retryAfter(keys: string[], at = Date.now()): number {
    let wait = 0;
    for (const key of keys) {
      const entry = this.failures.get(key);
      if (!entry) continue;
      if (at - entry.since >= this.windowMs) this.failures.delete(key);
      else if (entry.count >= this.maxFailures) wait = Math.max(wait, entry.since + this.windowMs - at);
    }
    return wait;
  }

  fail(keys: string[], at = Date.now()): void {
    for (const key of keys) {
      const entry = this.failures.get(key);
      if (entry && at - entry.since < this.windowMs) entry.count++;
      else this.failures.set(key, { count: 1, since: at });
    }
    // Bound memory against an attacker cycling through names: forget the oldest entries.
    if (this.failures.size > 100_000) {
      for (const key of [...this.failures.keys()].slice(0, 50_000)) this.failures.delete(key);
    }
  }

  succeed(keys: string[]): void {
    for (const key of keys) this.failures.delete(key);
  }
}
