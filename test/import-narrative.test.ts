/**
 * The narrative reader of the PDF importer (src/import/narrative/): contents, Part 1, Part 3 sections and the facts
 * they state, on the real documents of ../shared/corpus, and the validator's narrative findings once the text is in.
 */
import { existsSync, readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { readFacts } from "../src/import/narrative/facts.ts";
import { numberedItems } from "../src/import/narrative/front.ts";
import type { Narrative } from "../src/import/narrative/index.ts";
import { readNarrative } from "../src/import/narrative/index.ts";
import { titleScore } from "../src/import/narrative/sections.ts";
import { readPdf } from "../src/import/pdf/extract.ts";
import { importPdf } from "../src/import/pdf/import.ts";
import { pageLines } from "../src/import/pdf/lines.ts";
import { segment } from "../src/import/pdf/segment.ts";
import { comparable } from "../src/import/text.ts";
import type { Fact, Section } from "../src/model/document.ts";
import { validate } from "../src/rules/index.ts";
import { loadTemplate } from "../src/templates/template.ts";

const CORPUS = "../shared/corpus";
const hasCorpus = existsSync(CORPUS);
if (!hasCorpus) console.warn(`narrative import corpus tests skipped: ${CORPUS} is absent`);

async function narrativeOf(name: string, layout: string): Promise<Narrative> {
  const file = `${CORPUS}/${name}.pdf`;
  const lines = (await readPdf(new Uint8Array(readFileSync(file)), file)).flatMap(pageLines);
  const template = loadTemplate(layout);
  const { narrative, regions } = segment(lines, template);
  return readNarrative(narrative, template, 2, regions);
}

/** The numbered items (（一） or (一)) the reference extraction prints between two headings after the contents. */
function referenceItems(name: string, from: string, to: string): number {
  const text = readFileSync(`${CORPUS}/${name}.pdfplumber.txt`, "utf8");
  const start = text.indexOf(from, text.indexOf(from) + from.length);
  const span = text.slice(start, text.indexOf(to, start));
  return span.match(/[（(][一二三四五六七八九十]+[）)]/g)?.length ?? 0;
}

const section = (n: Narrative, id: string) => n.part3.find((s) => s.id === id) as Section;
const fact = (n: Narrative, id: string, subject: string) =>
  section(n, id).facts.find((f) => f.subject === subject) as Fact;

describe("narrative pieces", () => {
  it("reads a fact with its change, percentage and reason", () => {
    const text = "2021年收支总预算5,921.56万元,较上年增加1544.74万元,增长35.29%,主要原因是新增项目。其中:…";
    expect(readFacts(text, ["totalBudget"], 2)).toEqual([
      {
        subject: "totalBudget",
        text: "2021年收支总预算5,921.56万元,较上年增加1544.74万元,增长35.29%",
        amount: 592156,
        changeDirection: "增加",
        changeAmount: 154474,
        percentDirection: "增长",
        changePercent: 3529,
        reason: "新增项目",
      },
    ]);
  });

  it("reads 元 and 亿元 as 万元, and counts with their units", () => {
    const text = "委托业务费50000元,政府采购1.2亿元;车辆2辆,单价在100万元以上的设备1台。";
    const facts = readFacts(text, ["commissionedServices", "procurementTotal", "vehicles", "equipmentOver1m"], 2);
    expect(facts.map((f) => [f.subject, f.amount ?? f.quantity, f.unit])).toEqual([
      ["commissionedServices", 500, undefined],
      ["procurementTotal", 1200000, undefined],
      ["vehicles", "2", "辆"],
      ["equipmentOver1m", "1", "台"],
    ]);
  });

  it("matches headings by their titles, tolerant of ordinals, years and variants", () => {
    expect(titleScore("一、部门预算收支增减变化情况", "部门预算收支增减变化情况")).toBe(3);
    expect(titleScore("一、2025年“三公”经费预算情况说明", "“三公”经费预算情况说明")).toBe(3);
    expect(titleScore("十一、其他重要事项的情况说明", "其他重要事项说明")).toBeGreaterThan(0);
    expect(titleScore("人民调解项目经费情况说明", "项目经费情况说明")).toBeGreaterThan(0);
    expect(titleScore("七、绩效目标", "绩效目标设置情况")).toBe(0);
    expect(titleScore("2026年,本部门机关运行经费安排444.39万元", "机关运行经费安排情况")).toBe(0);
  });

  it("splits numbered items, also after a sentence's end", () => {
    expect(numberedItems("主要职责是:\n(一)甲。\n(二)乙。(三)丙。")).toEqual(["(一)甲。", "(二)乙。", "(三)丙。"]);
  });
});

describe.skipIf(!hasCorpus)("narrative of gz_2026_xfj (gd-2026-12)", () => {
  let n: Narrative;
  beforeAll(async () => {
    n = await narrativeOf("gz_2026_xfj", "gd-2026-12");
  });

  it("has the contents: the four parts and the twelve tables", () => {
    const parts = n.contents.filter((c) => /^第[一二三四]部分/.test(c));
    expect(parts).toHaveLength(4);
    for (const spec of loadTemplate("gd-2026-12").tables) {
      expect(
        n.contents.some((c) => comparable(c).endsWith(comparable(spec.title))),
        spec.title,
      ).toBe(true);
    }
  });

  it("has Part 1: every duty, and the structure", () => {
    const count = referenceItems("gz_2026_xfj", "一、主要职责", "二、部门机构设置");
    expect(count).toBe(8);
    expect(n.part1.duties).toHaveLength(count);
    expect(n.part1.duties[0]).toMatch(/^\(一\)贯彻执行党和国家有关信访工作/);
    expect(n.part1.duties[4]).toContain("指导全市信访部门信息化建设。");
    expect(n.part1.structure).toContain("本部门设8个内设机构和机关党委");
    expect(n.part1.structure).not.toMatch(/- \d+ -/);
  });

  it("has every section of the template, with text", () => {
    for (const spec of loadTemplate("gd-2026-12").narrative.sections) {
      expect(section(n, spec.id)?.text.trim(), spec.id).not.toBe("");
    }
    expect(n.part3.map((s) => s.text).join("")).not.toMatch(/- \d+ -/);
  });

  it("states the overview's and the 三公 figures as printed", () => {
    expect(fact(n, "overview", "incomeTotal")).toMatchObject({
      amount: 394408,
      changeDirection: "增加",
      changeAmount: 28607,
      percentDirection: "增长",
      changePercent: 780,
      text: "2026年本部门收入预算3,944.08万元,比上年增加286.07万元,增长7.8%",
    });
    expect(fact(n, "overview", "incomeTotal").reason).toMatch(/^一是基本支出因人员增加/);
    expect(fact(n, "overview", "expenditureTotal")).toMatchObject({ amount: 394408, changeAmount: 28607 });
    expect(fact(n, "threePublic", "threePublicTotal")).toMatchObject({
      amount: 480,
      changeDirection: "减少",
      changeAmount: 100,
      percentDirection: "下降",
      changePercent: 1720,
      reason: "根据公务用车运行维护费定额标准,调整公车运行维护经费",
    });
    expect(fact(n, "threePublic", "abroad")).toMatchObject({ amount: 0, changeAmount: 0, changePercent: 0 });
    expect(fact(n, "threePublic", "vehicleTotal")).toMatchObject({
      amount: 250,
      changeDirection: "减少",
      changeAmount: 100,
      changePercent: 2860,
    });
    expect(fact(n, "threePublic", "vehiclePurchase")).toMatchObject({ amount: 0, changeAmount: 0 });
    expect(fact(n, "threePublic", "vehicleOperation")).toMatchObject({ amount: 250, changeAmount: 100 });
    expect(fact(n, "threePublic", "reception")).toMatchObject({ amount: 230, changeAmount: 0 });
  });

  it("states the other sections' figures, key projects and terms", () => {
    expect(fact(n, "agencyOperating", "agencyOperatingCosts")).toMatchObject({ amount: 44439, changePercent: 500 });
    expect(section(n, "procurement").facts.map((f) => [f.subject, f.amount])).toEqual([
      ["procurementTotal", 62565],
      ["procurementGoods", 2095],
      ["procurementWorks", 1800],
      ["procurementServices", 58670],
    ]);
    expect(fact(n, "assets", "fixedAssets").amount).toBe(299516);
    expect(fact(n, "assets", "vehicles")).toMatchObject({ quantity: "2", unit: "辆" });
    expect(fact(n, "commissionedServices", "commissionedServices")).toMatchObject({ amount: 47820 });
    expect(section(n, "keyProjects").projects).toEqual([
      expect.objectContaining({ name: "云客服服务外包项目", amount: 25228 }),
    ]);
    expect(section(n, "glossary").terms?.map((t) => t.term)).toHaveLength(10);
    expect(section(n, "glossary").terms?.[5]).toEqual({
      term: "基本支出",
      definition: "指为保障机构正常运转、完成日常工作任务而发生的人员支出和公用支出。",
    });
  });
});

describe.skipIf(!hasCorpus)("narrative of a Shanghai district budget (sh-district-9)", () => {
  let n: Narrative;
  beforeAll(async () => {
    n = await narrativeOf("sh_pt_wanli_2025", "sh-district-9");
  });

  it("finds every section the template lists, also those printed after the last table", () => {
    expect(n.part3.map((s) => s.id).sort()).toEqual(
      loadTemplate("sh-district-9")
        .narrative.sections.map((s) => s.id)
        .sort(),
    );
    for (const s of n.part3) expect(s.text.trim(), s.id).not.toBe("");
    expect(n.contents).toContain("七、项目经费情况说明");
    expect(n.part1.duties).toHaveLength(9);
    expect(n.part1.structure).toContain("下属5家预算单位");
  });

  it("states the 三公, 机关运行经费 and 政府采购 figures in 万元", () => {
    const subjects = section(n, "threePublic").facts.map((f) => [f.subject, f.amount, f.changeDirection]);
    expect(subjects).toEqual([
      ["threePublicTotal", 3791, "减少"],
      ["abroad", 0, "持平"],
      ["vehicleTotal", 3656, "减少"],
      ["vehiclePurchase", 1500, "减少"],
      ["vehicleOperation", 2156, "持平"],
      ["reception", 135, "持平"],
    ]);
    expect(fact(n, "agencyOperating", "agencyOperatingCosts").amount).toBe(46464);
    expect(fact(n, "procurement", "procurementTotal").amount).toBe(482120);
    expect(fact(n, "budgetExplanation", "incomeAppropriation")).toMatchObject({
      amount: 1897676,
      changeAmount: 335565,
      reason: "项目调整",
    });
  });
});

describe.skipIf(!hasCorpus)("narrative of final accounts (mof-final-9)", () => {
  let n: Narrative;
  beforeAll(async () => {
    n = await narrativeOf("sh_pt_czj_2024_final", "mof-final-9");
  });

  it("finds every section the document prints, and Part 1", () => {
    expect(n.part3.map((s) => s.id)).toEqual(loadTemplate("mof-final-9").narrative.sections.map((s) => s.id));
    for (const s of n.part3) expect(s.text.trim(), s.id).not.toBe("");
    const duties = referenceItems("sh_pt_czj_2024_final", "一、主要职能", "二、部门决算单位构成");
    expect(n.part1.duties).toHaveLength(duties);
  });

  it("joins a change stated in the next sentence to its figure", () => {
    expect(fact(n, "overview", "incomeTotal")).toMatchObject({
      amount: 299539,
      changeDirection: "减少",
      changeAmount: 5695,
      percentDirection: "下降",
      changePercent: 187,
    });
    expect(fact(n, "otherMatters", "agencyOperatingCosts")).toMatchObject({ amount: 18465, changeAmount: 255 });
    expect(fact(n, "threePublic", "threePublicTotal")).toMatchObject({ amount: 0, changeDirection: "持平" });
  });
});

describe.skipIf(!hasCorpus)("validating gz_2026_xfj with its narrative", () => {
  it("takes each percentage at its printed precision and reports only the text's 增加0万元", async () => {
    const file = `${CORPUS}/gz_2026_xfj.pdf`;
    const { doc, template } = await importPdf(new Uint8Array(readFileSync(file)), file);
    const lines = (await readPdf(new Uint8Array(readFileSync(file)), file)).flatMap(pageLines);
    const { narrative, regions } = segment(lines, template);
    Object.assign(doc, readNarrative(narrative, template, doc.decimals, regions));
    const findings = validate(doc)
      .filter((d) =>
        ["sections-present", "narrative-tables", "narrative-arithmetic", "change-wording"].includes(d.rule),
      )
      .map(
        (d) => `${d.rule}/${d.location.section}: ${d.location.text ?? ""} (${d.actual ?? ""} ≠ ${d.expected ?? ""})`,
      );
    // The text rounds percentages to one decimal (7.8% for 7.82%) or none (5% for 4.99%): consistent at that precision.
    expect(findings).toEqual([
      "change-wording/threePublic: 因公出国(境)费0万元,比上年增加0万元,增长0% (增加 ≠ 持平)",
      "change-wording/threePublic: 公务用车购置费0万元,比上年增加0万元 (增加 ≠ 持平)",
      "change-wording/threePublic: 公务接待费2.3万元,比上年增加0万元,增长0% (增加 ≠ 持平)",
    ]);
  });
});
