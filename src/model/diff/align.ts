/**
 * The diff's generic helpers: pairing the items of two lists by their stable key (so one inserted row does not make
 * every row below it look changed), and quoting just the stretch of two texts around their first difference.
 */

const CONTEXT = 12;
/** Texts up to this many characters are quoted whole; longer ones are cut to the stretch that changed. */
export const SHORT = 40;

/** The stretch of two texts around their first difference, with … where they were cut. */
export function excerpt(before: string, after: string, context = CONTEXT): { before: string; after: string } {
  const b = Array.from(before);
  const a = Array.from(after);
  let start = 0;
  while (start < b.length && start < a.length && b[start] === a[start]) start++;
  let end = 0;
  while (end < b.length - start && end < a.length - start && b[b.length - 1 - end] === a[a.length - 1 - end]) end++;
  const cut = (chars: string[]) => {
    const from = Math.max(0, start - context);
    const to = Math.min(chars.length, Math.max(chars.length - end, start) + context, from + 2 * context + SHORT);
    return `${from > 0 ? "…" : ""}${chars.slice(from, to).join("")}${to < chars.length ? "…" : ""}`;
  };
  return { before: cut(b), after: cut(a) };
}

/**
 * Pairs the items of two lists by key: matched items together, the others alone, in the later list's order with
 * each removed item where it stood. A key that repeats is told apart by its occurrence (`key#2`).
 */
export function alignByKey<T>(
  before: readonly T[],
  after: readonly T[],
  keyOf: (item: T) => string,
): [T | undefined, T | undefined][] {
  const keys = (items: readonly T[]) => {
    const seen = new Map<string, number>();
    return items.map((item) => {
      const key = keyOf(item);
      const n = (seen.get(key) ?? 0) + 1;
      seen.set(key, n);
      return n > 1 ? `${key}#${n}` : key;
    });
  };
  const beforeKeys = keys(before);
  const afterKeys = keys(after);
  const inAfter = new Set(afterKeys);
  const index = new Map(beforeKeys.map((k, i) => [k, i]));
  const pairs: [T | undefined, T | undefined][] = [];
  let next = 0;
  const flushTo = (end: number) => {
    for (; next < end; next++) if (!inAfter.has(beforeKeys[next] ?? "")) pairs.push([before[next], undefined]);
  };
  // Where the next matched item stood before: removed items ahead of it come before the items added there.
  const anchors: number[] = [];
  for (let j = afterKeys.length - 1; j >= 0; j--)
    anchors[j] = index.get(afterKeys[j] ?? "") ?? anchors[j + 1] ?? before.length;
  afterKeys.forEach((key, j) => {
    const i = index.get(key);
    if (i === undefined) {
      flushTo(anchors[j] ?? before.length);
      pairs.push([undefined, after[j]]);
      return;
    }
    flushTo(i);
    next = Math.max(next, i + 1);
    pairs.push([before[i], after[j]]);
  });
  flushTo(before.length);
  return pairs;
}

/** Lists whose items have no key (duties, policies): an item removed and one added in the same gap is an edit. */
export function pairGaps<T>(pairs: [T | undefined, T | undefined][]): [T | undefined, T | undefined][] {
  const out: [T | undefined, T | undefined][] = [];
  let gap: [T | undefined, T | undefined][] = [];
  const flush = () => {
    const removed = gap.filter(([b]) => b !== undefined).map(([b]) => b);
    const added = gap.filter(([, a]) => a !== undefined).map(([, a]) => a);
    for (let i = 0; i < Math.max(removed.length, added.length); i++) out.push([removed[i], added[i]]);
    gap = [];
  };
  for (const pair of pairs) {
    if (pair[0] !== undefined && pair[1] !== undefined) {
      flush();
      out.push(pair);
    } else gap.push(pair);
  }
  flush();
  return out;
}
