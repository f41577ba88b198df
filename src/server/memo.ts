/**
 * A bounded memo for what the portal derives from published versions (pages with the banner, parsed documents,
 * comparisons). Published versions never change, so entries need no invalidation, only a limit: the oldest
 * entries (a Map keeps insertion order) go first once the total weight passes it.
 */
export class Memo<V> {
  private readonly entries = new Map<string, { value: V; weight: number }>();
  private total = 0;

  constructor(
    private readonly limit: number,
    /** What an entry costs against the limit: 1 each by default, or e.g. its bytes. */
    private readonly weigh: (value: V) => number = () => 1,
  ) {}

  get(key: string): V | undefined {
    return this.entries.get(key)?.value;
  }

  set(key: string, value: V): V {
    const weight = this.weigh(value);
    if (weight > this.limit) return value;
    this.delete(key);
    for (const [k, entry] of this.entries) {
      if (this.total + weight <= this.limit) break;
      this.entries.delete(k);
      this.total -= entry.weight;
    }
    this.entries.set(key, { value, weight });
    this.total += weight;
    return value;
  }

  /** The memoised value, or `make`'s, kept for next time. */
  async getOrMake(key: string, make: () => Promise<V>): Promise<V> {
    const known = this.entries.get(key);
    return known ? known.value : this.set(key, await make());
  }

  private delete(key: string): void {
    const old = this.entries.get(key);
    if (!old) return;
    this.entries.delete(key);
    this.total -= old.weight;
  }
}
