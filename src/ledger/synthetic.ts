/**
 * Synthetic ledgers from a seed: a department of any size with basic and project lines over the catalogs' codes,
 * several fund sources, procurement and purchased services up to (and exactly at) their budget lines, and last
 * year's figures. For property tests and benchmarks; the names are invented.
 */
import { parseTarget } from "../model/target.ts";
import type {
  BudgetLine,
  FundSource,
  Ledger,
  LedgerUnit,
  ProcurementLine,
  Project,
  PurchasedServiceLine,
} from "./types.ts";

/** mulberry32: a small, fast, seedable generator, good enough to vary test data. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SyntheticOptions {
  seed: number;
  units: number;
  projects: number;
  /** Budget lines per project, at most. */
  linesPerProject?: number;
  /** Leave out some reasons, so that a required one may be missing. */
  dropReasons?: boolean;
}

const DEPARTMENT = "某区数据管理局";

/** Personnel sections with the function item they go with, by unit type ("" = the unit's 行政/事业运行). */
const PERSONNEL: { economic: string; item: { 机关: string; 事业单位: string } | "" }[] = [
  { economic: "30101", item: "" },
  { economic: "30102", item: "" },
  { economic: "30107", item: "" },
  { economic: "30108", item: { 机关: "2080505", 事业单位: "2080505" } },
  { economic: "30109", item: { 机关: "2080506", 事业单位: "2080506" } },
  { economic: "30110", item: { 机关: "2101101", 事业单位: "2101102" } },
  { economic: "30113", item: { 机关: "2210201", 事业单位: "2210201" } },
  { economic: "30199", item: "" },
];
const OPERATING = [
  "30201",
  "30205",
  "30206",
  "30207",
  "30209",
  "30211",
  "30213",
  "30215",
  "30216",
  "30217",
  "30228",
  "30229",
  "30231",
  "30239",
  "30299",
];
const HOUSEHOLD = [
  { economic: "30302", item: { 机关: "2080501", 事业单位: "2080502" } },
  { economic: "30309", item: { 机关: "2010301", 事业单位: "2010350" } },
];
const PROJECT_ITEMS = ["2010302", "2010399", "2060199", "2060503", "2069999", "2010350", "2129999"];
const PROJECT_ECONOMIC = [
  "30201",
  "30205",
  "30211",
  "30213",
  "30214",
  "30215",
  "30216",
  "30217",
  "30226",
  "30227",
  "30231",
  "30299",
  "31002",
  "31007",
  "31013",
  "30399",
];
const PROJECT_SOURCES: FundSource[] = [
  "generalBudget",
  "generalBudget",
  "generalBudget",
  "generalBudget",
  "governmentFund",
  "carryover",
  "specialAccount",
  "institutionRevenue",
  "otherRevenue",
  "stateCapital",
];
const GOODS = ["A090101", "A0902", "A02010105", "A02010801", "A0699", "A020618020301", "B"];
const SERVICES = ["C0202", "C0206", "C1204", "C0499", "C99", "C081401", "C0805"];
const METRICS = [
  { category: "产出数量", name: "年度服务人次", target: "不少于2000人次" },
  { category: "产出质量", name: "系统可用率", target: "99%以上" },
  { category: "产出时效", name: "任务按时完成率", target: "100%" },
  { category: "社会效益", name: "群众办事便利度提升", target: "明显提升" },
  { category: "服务对象满意度", name: "服务对象满意度", target: "不低于95%" },
];
const TOPICS = [
  "政务服务",
  "数据共享",
  "电子政务",
  "热线运营",
  "网格管理",
  "信息安全",
  "平台运维",
  "档案数字化",
  "营商环境",
  "公共资源交易",
];
const KINDS = ["运营经费", "建设经费", "运维经费", "保障经费", "专项工作经费"];

export function syntheticLedger(options: SyntheticOptions): Ledger {
  const rand = random(options.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  /** Fen between lo and hi yuan, with fen digits. */
  const fen = (lo: number, hi: number) => Math.round((lo + rand() * (hi - lo)) * 100);
  const units: LedgerUnit[] = Array.from({ length: options.units }, (_, i) => ({
    code: String(610001 + i),
    name: i === 0 ? DEPARTMENT : `${DEPARTMENT}第${i}${i % 3 === 0 ? "分局" : "服务中心"}`,
    type: i === 0 || i % 3 === 0 ? "机关" : "事业单位",
  }));
  const lines: BudgetLine[] = [];
  const line = (
    unit: LedgerUnit,
    functionCode: string,
    economicCode: string,
    kind: BudgetLine["kind"],
    amount: number,
    source: FundSource = "generalBudget",
    project: string | null = null,
  ) => lines.push({ unit: unit.code, functionCode, economicCode, source, kind, project, amount });
  for (const unit of units) {
    if (rand() < 0.1) continue;
    const running = unit.type === "机关" ? "2010301" : "2010350";
    for (const p of PERSONNEL) {
      if (p.economic === "30107" && unit.type === "机关" && rand() < 0.7) continue;
      const item = p.item === "" ? running : p.item[unit.type];
      line(unit, item, p.economic, rand() < 0.4 ? "personnelUnified" : "personnelOther", fen(1_000, 2_000_000));
    }
    for (const economic of OPERATING) if (rand() < 0.6) line(unit, running, economic, "operating", fen(100, 300_000));
    for (const h of HOUSEHOLD)
      if (rand() < 0.5) line(unit, h.item[unit.type], h.economic, "personnelOther", fen(100, 200_000));
  }
  const projects: Project[] = [];
  for (let i = 0; i < options.projects; i++) {
    const unit = pick(units);
    const id = `P${String(i + 1).padStart(4, "0")}`;
    const chosen = METRICS.filter(() => rand() < 0.6);
    const metrics = chosen.length > 0 ? chosen : METRICS.slice(0, 1);
    projects.push({
      id,
      unit: unit.code,
      name: `${pick(TOPICS)}${pick(KINDS)}${i + 1}号`,
      category: rand() < 0.8 ? "经济和社会发展类" : "行政事务类",
      special: rand() < 0.15,
      key: i < 5,
      content: `开展${pick(TOPICS)}相关工作。`,
      goal: `保障${pick(TOPICS)}工作正常开展。`,
      indicators: metrics.map((m) => ({
        category: m.category,
        name: m.name,
        target: parseTarget(m.target) ?? { op: "=", value: "", unit: "", text: m.target },
      })),
    });
    const count = 1 + Math.floor(rand() * (options.linesPerProject ?? 3));
    for (let j = 0; j < count; j++) {
      const source = pick(PROJECT_SOURCES);
      line(unit, pick(PROJECT_ITEMS), pick(PROJECT_ECONOMIC), "project", fen(1, 3_000_000), source, id);
    }
  }
  const { procurement, purchasedServices } = purchases(lines, rand);
  const total = lines.reduce((a, l) => a + l.amount, 0);
  const wan = (f: number) => Math.round(f / 10_000);
  const reason = (text: string) => (options.dropReasons && rand() < 0.5 ? {} : { reason: text });
  return {
    template: "gz-2021-14",
    year: 2021,
    department: DEPARTMENT,
    title: "",
    units,
    projects,
    lines,
    procurement,
    purchasedServices,
    changes: {
      totalBudget: { previous: wan(total * (0.7 + rand() * 0.6)), ...reason("业务量变化") },
      threePublicTotal: reason("加强经费管理"),
      abroad: { previous: rand() < 0.5 ? 0 : wan(fen(0, 50_000)), ...reason("出访计划调整") },
      vehicleTotal: reason("公务用车改革"),
      vehiclePurchase: { previous: 0 },
      vehicleOperation: { previous: wan(fen(0, 300_000)) },
      reception: { previous: wan(fen(0, 100_000)), ...reason("压减接待") },
      agencyOperatingCosts: { previous: wan(fen(0, 2_000_000)), ...reason("压减一般性支出") },
    },
    narrative: {
      duties: ["（一）负责统筹推进全区政务数据管理工作。"],
      structure: "",
      policies: ["1、按照全区数字政府建设工作要求开展工作。"],
      annualGoal: "全面提升政务服务和数据管理水平。",
      overallGoal: "",
      budgetCompletion: "",
      assets: {
        date: "2020年12月31日",
        fixedAssets: fen(1_000_000, 90_000_000),
        buildings: "0",
        vehicles: String(Math.floor(rand() * 5)),
        equipmentOver1m: "0",
        plannedPurchases: fen(0, 1_000_000),
        plannedPurchasesNote: "",
      },
    },
    departmentIndicators: [{ name: "政务服务事项网上可办率", target: "不低于90%" }],
    glossary: [],
  };
}

/** Procurement and purchased services up to their budget lines, sometimes exactly at them. */
function purchases(lines: BudgetLine[], rand: () => number) {
  const budgets = new Map<string, { unit: string; project: string | null; source: FundSource; amount: number }>();
  for (const l of lines) {
    if (l.kind !== "project" && l.kind !== "operating") continue;
    const key = `${l.unit}|${l.project ?? ""}|${l.source}`;
    const b = budgets.get(key) ?? { unit: l.unit, project: l.project, source: l.source, amount: 0 };
    b.amount += l.amount;
    budgets.set(key, b);
  }
  const procurement: ProcurementLine[] = [];
  const purchasedServices: PurchasedServiceLine[] = [];
  for (const b of budgets.values()) {
    const share = rand();
    if (share < 0.5) continue;
    const spend = share > 0.9 ? b.amount : Math.floor(b.amount * rand());
    const parts = 1 + Math.floor(rand() * 3);
    let left = spend;
    for (let i = 0; i < parts; i++) {
      const amount = i === parts - 1 ? left : Math.floor(left * rand());
      left -= amount;
      const category =
        rand() < 0.5 ? GOODS[Math.floor(rand() * GOODS.length)] : SERVICES[Math.floor(rand() * SERVICES.length)];
      procurement.push({
        unit: b.unit,
        project: b.project,
        item: `采购项目${procurement.length + 1}`,
        categoryCode: category ?? "C99",
        quantity: String(1 + Math.floor(rand() * 20)),
        measureUnit: "项",
        source: b.source,
        amount,
      });
    }
    if (rand() < 0.3) {
      purchasedServices.push({
        unit: b.unit,
        project: b.project,
        catalog1: "基本公共服务事项",
        catalog2: "人才服务类",
        catalog3: "其他公共人才服务",
        method: rand() < 0.5 ? "服务外包" : "公开招标",
        source: b.source,
        amount: rand() < 0.3 ? b.amount : Math.floor(b.amount * rand()),
      });
    }
  }
  return { procurement, purchasedServices };
}
