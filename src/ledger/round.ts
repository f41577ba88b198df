/**
 * Sum-preserving rounding from fen to the published unit (0.01 万元 = 100 yuan = 10,000 fen), by largest remainder
 * (Hamilton's method): each part gets its exact amount rounded down, and the units still missing from the target
 * go to the parts with the largest remainders. Applied down a tree, every node — and so every leaf — is its exact
 * amount rounded down or up, the whole is its exact amount rounded half up, and the parts of any node add up to it
 * exactly. Tables are then sums of rounded leaves, so they add up and agree with each other by construction.
 */

/** Fen in one published unit (0.01 万元). */
export const FEN_PER_UNIT = 10_000;

/** Fen to published units, rounded half up (amounts are never negative). */
export function roundHalfUp(fen: number): number {
  return Math.floor((fen + FEN_PER_UNIT / 2) / FEN_PER_UNIT);
}

/**
 * Splits `target` units among parts with these exact amounts (fen): each part gets its amount rounded down, and
 * the units left over go one each to the largest remainders, earlier parts first on a tie. The target must lie
 * between the sum of the parts rounded down and the sum rounded up, as it does when it is itself a rounding of
 * their sum; then every part ends rounded down or up.
 */
export function apportion(exact: readonly number[], target: number): number[] {
  const result = exact.map((e) => Math.floor(e / FEN_PER_UNIT));
  let left = target - result.reduce((a, b) => a + b, 0);
  const withRemainder = exact.filter((e) => e % FEN_PER_UNIT !== 0).length;
  if (left < 0 || left > withRemainder) {
    throw new RangeError(
      `cannot apportion ${target} units among parts whose sum is ${exact.reduce((a, b) => a + b, 0)} fen`,
    );
  }
  const order = exact
    .map((e, i) => ({ i, remainder: e % FEN_PER_UNIT }))
    .filter((p) => p.remainder > 0)
    .sort((a, b) => b.remainder - a.remainder || a.i - b.i);
  for (const { i } of order) {
    if (left === 0) break;
    result[i] = (result[i] ?? 0) + 1;
    left--;
  }
  return result;
}

/**
 * Rounds leaves along a tree: `path(leaf)` names the node at each level, from the top, and leaves come sorted by
 * path so that each node's leaves are contiguous. The root gets its exact sum rounded half up, or `target` when
 * given; each node's units are apportioned among its children by their exact sums. Leaves with the same full path
 * are apportioned among themselves. Returns the units of each leaf, in order.
 */
export function roundTree<T>(
  leaves: readonly T[],
  path: (leaf: T) => readonly string[],
  exact: (leaf: T) => number,
  target?: number,
): number[] {
  const result = new Array<number>(leaves.length).fill(0);
  const paths = leaves.map(path);
  const amounts = leaves.map(exact);
  const nameAt = (i: number, depth: number) => paths[i]?.[depth];
  const visit = (lo: number, hi: number, depth: number, units: number) => {
    const starts: number[] = [];
    const sums: number[] = [];
    const seen = new Set<string>();
    for (let i = lo; i < hi; ) {
      const name = nameAt(i, depth);
      let sum = amounts[i] ?? 0;
      let j = i + 1;
      if (name !== undefined) {
        if (seen.has(name)) throw new RangeError(`leaves are not sorted by path: ${name} at level ${depth} recurs`);
        seen.add(name);
        for (; j < hi && nameAt(j, depth) === name; j++) sum += amounts[j] ?? 0;
      }
      starts.push(i);
      sums.push(sum);
      i = j;
    }
    starts.push(hi);
    apportion(sums, units).forEach((share, g) => {
      const [a = lo, b = hi] = [starts[g], starts[g + 1]];
      if (b - a === 1 && nameAt(a, depth + 1) === undefined) result[a] = share;
      else visit(a, b, depth + 1, share);
    });
  };
  const total = amounts.reduce((a, b) => a + b, 0);
  if (leaves.length > 0) visit(0, leaves.length, 0, target ?? roundHalfUp(total));
  return result;
}
