/**
 * The XBRL Calculations 1.1 rounding rule (domain.md §4): a value published to d decimals stands for the interval
 * [v − ½·10⁻ᵈ, v + ½·10⁻ᵈ]. Intervals are kept in half-units so that they stay integers.
 */
import { formatAmount } from "./amount.ts";

export interface Interval {
  /** Lower and upper bound in half-units of the published unit. */
  lo: number;
  hi: number;
}

/** The interval a published value stands for; an exact value (such as a blank cell) is a point. */
export function published(value: number): Interval {
  return { lo: 2 * value - 1, hi: 2 * value + 1 };
}

export function exact(value: number): Interval {
  return { lo: 2 * value, hi: 2 * value };
}

export function add(a: Interval, b: Interval): Interval {
  return { lo: a.lo + b.lo, hi: a.hi + b.hi };
}

export function negate(a: Interval): Interval {
  return { lo: -a.hi, hi: -a.lo };
}

export const ZERO: Interval = { lo: 0, hi: 0 };

export function intersects(a: Interval, b: Interval): boolean {
  return a.lo <= b.hi && b.lo <= a.hi;
}

/** Bounds printed with one decimal more than the published unit: 243.57 → ["243.565", "243.575"]. */
export function formatInterval(i: Interval, decimals: number): [string, string] {
  const bound = (half: number) => formatAmount(half * 5, { decimals: decimals + 1, thousands: false });
  return [bound(i.lo), bound(i.hi)];
}
