import { describe, expect, it } from "vitest";
import { queryAmounts } from "../src/server/portal/search-entries.ts";

describe("a figure typed in the portal's search box", () => {
  it("means the amount in 万元 or in 元, both in fen", () => {
    expect(queryAmounts("493.05")).toEqual([493_050_000, 49_305]);
    expect(queryAmounts(" 1,234 ")).toEqual([1_234_000_000, 123_400]);
  });

  it("is no figure when it is words, has more than two decimals or is too large", () => {
    expect(queryAmounts("政务")).toEqual([]);
    expect(queryAmounts("1.234")).toEqual([]);
    expect(queryAmounts("99999999999999999")).toEqual([]);
  });
});
