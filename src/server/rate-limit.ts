/**
 * Login rate limit: after a few failed attempts, further attempts are refused for a while, so that passwords cannot
 * be guessed at speed. Counted per account from one address (tight: a guesser), per account from anywhere and per
 * address (looser: so that a stranger cannot lock a colleague out with five wrong passwords, yet a spread-out attack
 * still stops). Kept in memory: one server process guards itself.
 */
export interface LoginAttempt {
  username: string;
  address: string;
}

export interface LoginLimits {
  perAccountAndAddress: number;
  perAccount: number;
  perAddress: number;
  windowMs: number;
}

const DEFAULT_LIMITS: LoginLimits = { perAccountAndAddress: 5, perAccount: 50, perAddress: 100, windowMs: 15 * 60_000 };

export class LoginLimiter {
  private failures = new Map<string, { count: number; since: number }>();

  constructor(private readonly limits: LoginLimits = DEFAULT_LIMITS) {}

  private counters({ username, address }: LoginAttempt): [string, number][] {
    return [
      [`account:${username}|address:${address}`, this.limits.perAccountAndAddress],
      [`account:${username}`, this.limits.perAccount],
      [`address:${address}`, this.limits.perAddress],
    ];
  }

  /** Milliseconds until this attempt may be made, or 0. */
  retryAfter(attempt: LoginAttempt, at = Date.now()): number {
    let wait = 0;
    for (const [key, max] of this.counters(attempt)) {
      const entry = this.failures.get(key);
      if (!entry) continue;
      if (at - entry.since >= this.limits.windowMs) this.failures.delete(key);
      else if (entry.count >= max) wait = Math.max(wait, entry.since + this.limits.windowMs - at);
    }
    return wait;
  }

  fail(attempt: LoginAttempt, at = Date.now()): void {
    for (const [key] of this.counters(attempt)) {
      const entry = this.failures.get(key);
      if (entry && at - entry.since < this.limits.windowMs) entry.count++;
      else this.failures.set(key, { count: 1, since: at });
    }
    // Bound memory against an attacker cycling through names: forget the oldest entries.
    if (this.failures.size > 100_000) {
      for (const key of [...this.failures.keys()].slice(0, 50_000)) this.failures.delete(key);
    }
  }

  /** A success clears the account's count from this address (not the looser ones, which an attacker shares). */
  succeed(attempt: LoginAttempt): void {
    this.failures.delete(`account:${attempt.username}|address:${attempt.address}`);
  }
}
