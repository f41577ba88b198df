import { describe, expect, it } from "vitest";
import { AmountError, formatAmount, parseAmount, parsePercent, parseScaled, sum } from "../src/money/amount.ts";
import { FEN, rescale, yuanExponent } from "../src/money/scale.ts";

describe("parseAmount", () => {
  it.each([
    ["5921.56", 592156],
    ["5,411.72", 541172],
    ["3 , 750. 53", 375053],
    ["3. 17", 317],
    ["243. 57", 24357],
    ["0.00", 0],
    ["10,329.05", 1032905],
    ["８００．００", 80000],
    ["1,234,567.8", 123456780],
    ["-1.00", -100],
    ["(1.00)", -100],
    ["12", 1200],
  ])("reads the printed form %s exactly", (text, expected) => {
    expect(parseAmount(text)).toBe(expected);
  });

  it("reads a blank cell as no value and a dash as zero", () => {
    expect(parseAmount("")).toBeNull();
    expect(parseAmount("  ")).toBeNull();
    expect(parseAmount("-")).toBe(0);
    expect(parseAmount("—")).toBe(0);
  });

  it("rejects text that is not a number, naming it", () => {
    expect(() => parseAmount("12a.00")).toThrow(AmountError);
    expect(() => parseAmount("1.2.3")).toThrow(/"1.2.3" is not a number/);
  });

  it("rejects more decimals than the unit has instead of rounding", () => {
    expect(() => parseAmount("1.005")).toThrow(/more than 2 decimals/);
    expect(parseAmount("1.000")).toBe(100);
  });

  it("reads amounts in 元 with their own decimals", () => {
    expect(parseScaled("1,234,567.89", 2)).toBe(123456789);
    expect(parseScaled("39440800", 0)).toBe(39440800);
  });

  it("refuses amounts beyond safe integers", () => {
    expect(() => parseAmount("99999999999999999.00")).toThrow(/too large/);
  });
});

describe("parsePercent", () => {
  it("reads percentages in hundredths of a percent", () => {
    expect(parsePercent("35.29%")).toBe(3529);
    expect(parsePercent("42.86")).toBe(4286);
    expect(parsePercent("100％")).toBe(10000);
  });
});

describe("formatAmount", () => {
  it("prints thousands separators and two decimals", () => {
    expect(formatAmount(541172)).toBe("5,411.72");
    expect(formatAmount(317)).toBe("3.17");
    expect(formatAmount(5)).toBe("0.05");
    expect(formatAmount(0)).toBe("0.00");
    expect(formatAmount(-100)).toBe("-1.00");
    expect(formatAmount(123456789, { thousands: false })).toBe("1234567.89");
    expect(formatAmount(39440800, { decimals: 0 })).toBe("39,440,800");
  });

  it("round-trips with parseAmount", () => {
    for (const v of [0, 1, 99, 100, 541172, 1032905, 123456789012]) expect(parseAmount(formatAmount(v))).toBe(v);
  });

  it("refuses a float", () => {
    expect(() => formatAmount(1.5)).toThrow(RangeError);
  });
});

describe("sum", () => {
  it("adds integers exactly", () => {
    expect(sum([11953, 12405])).toBe(24358);
  });
  it("refuses an overflow", () => {
    expect(() => sum([Number.MAX_SAFE_INTEGER, 1])).toThrow(RangeError);
  });
});

describe("the rounding interval rule", async () => {
  const { published, add, intersects, formatInterval, exact } = await import("../src/money/interval.ts");

  it("accepts 119.53 + 124.05 printed as 243.57 as rounding-consistent", () => {
    const parts = add(published(11953), published(12405));
    expect(intersects(published(24357), parts)).toBe(true);
    expect(formatInterval(published(24357), 2)).toEqual(["243.565", "243.575"]);
    expect(formatInterval(parts, 2)).toEqual(["243.570", "243.590"]);
  });

  it("rejects 1.00 + 1.00 printed as 1.00", () => {
    expect(intersects(published(100), add(published(100), published(100)))).toBe(false);
  });

  it("treats an exact value as a point", () => {
    expect(intersects(exact(6), published(6))).toBe(true);
    expect(intersects(exact(5), published(6))).toBe(false);
  });
});

describe("changing the unit an amount is counted in", () => {
  it("multiplies or divides by a power of ten, and refuses what is not a whole count", () => {
    const wan2 = { amountUnit: "万元", decimals: 2 } as const;
    const yuan0 = { amountUnit: "元", decimals: 0 } as const;
    expect(rescale(49305, wan2, FEN)).toBe(493_050_000);
    expect(rescale(49305, wan2, yuan0)).toBe(4_930_500);
    expect(rescale(4_930_500, yuan0, wan2)).toBe(49305);
    expect(() => rescale(4_930_501, yuan0, wan2)).toThrow(RangeError);
    expect(yuanExponent(wan2)).toBe(2);
  });
});
