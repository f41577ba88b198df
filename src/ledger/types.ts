/**
 * The ledger: what a finance officer has before a disclosure exists — budget lines in yuan with fen, projects with
 * their performance indicators, procurement and purchased-service lines, last year's published figures and the
 * texts of the explanation. Every amount is an integer count of fen, except last year's figures, which are counted
 * in the smallest published unit (0.01 万元) because that is how last year's disclosure printed them.
 */
import type { Target } from "../model/target.ts";

export const FUND_SOURCES = [
  "generalBudget",
  "governmentFund",
  "stateCapital",
  "specialAccount",
  "institutionRevenue",
  "businessRevenue",
  "otherRevenue",
  "carryover",
] as const;
export type FundSource = (typeof FUND_SOURCES)[number];

export const LINE_KINDS = ["personnelUnified", "personnelOther", "operating", "project"] as const;
export type LineKind = (typeof LINE_KINDS)[number];

export type UnitType = "机关" | "事业单位";

export interface LedgerUnit {
  code: string;
  name: string;
  type: UnitType;
}

export interface ProjectIndicator {
  /** The second level of the indicator tree: 产出数量, 社会效益, 服务对象满意度 … */
  category: string;
  name: string;
  /** The target parsed into comparison, value and unit, with the wording as written in `text`. */
  target: Target;
}

export interface Project {
  id: string;
  unit: string;
  name: string;
  /** 项目类别, printed as the group above the project in the project table: 经济和社会发展类. */
  category: string;
  /** 财政专项资金 rather than a 部门项目. */
  special: boolean;
  /** 重点项目: its goal is explained in Part 3 and it is a task of Part 2. */
  key: boolean;
  content: string;
  goal: string;
  indicators: ProjectIndicator[];
}

export interface BudgetLine {
  unit: string;
  /** A function classification item (项, 7 digits). */
  functionCode: string;
  /** A department economic classification section (款, 5 digits). */
  economicCode: string;
  source: FundSource;
  kind: LineKind;
  /** The project a project line belongs to; null for basic expenditure. */
  project: string | null;
  /** Fen. */
  amount: number;
}

/** What a procurement or purchased-service line is paid from: a project, or the unit's 公用经费 (null). */
export interface BudgetLineRef {
  unit: string;
  project: string | null;
}

export interface ProcurementLine extends BudgetLineRef {
  item: string;
  categoryCode: string;
  quantity: string;
  measureUnit: string;
  source: FundSource;
  amount: number;
}

export interface PurchasedServiceLine extends BudgetLineRef {
  catalog1: string;
  catalog2: string;
  catalog3: string;
  method: string;
  source: FundSource;
  amount: number;
}

/** The subjects whose change on last year the text states. */
export const CHANGE_SUBJECTS = [
  "totalBudget",
  "threePublicTotal",
  "abroad",
  "vehicleTotal",
  "vehiclePurchase",
  "vehicleOperation",
  "reception",
  "agencyOperatingCosts",
] as const;
export type ChangeSubject = (typeof CHANGE_SUBJECTS)[number];

export interface Change {
  /** Last year's published figure in 0.01 万元, for the subjects the ledger gives one for. */
  previous?: number;
  reason?: string;
}

export interface Assets {
  /** 截至 date, as it is to be printed: 2020年12月31日. */
  date: string;
  /** Fen. */
  fixedAssets: number;
  /** Quantities as printed. */
  buildings: string;
  vehicles: string;
  equipmentOver1m: string;
  /** Fen. */
  plannedPurchases: number;
  plannedPurchasesNote: string;
}

export interface Narrative {
  duties: string[];
  structure: string;
  policies: string[];
  annualGoal: string;
  overallGoal: string;
  budgetCompletion: string;
  assets: Assets;
}

export interface Ledger {
  template: string;
  year: number;
  department: string;
  title: string;
  units: LedgerUnit[];
  projects: Project[];
  lines: BudgetLine[];
  procurement: ProcurementLine[];
  purchasedServices: PurchasedServiceLine[];
  changes: Partial<Record<ChangeSubject, Change>>;
  narrative: Narrative;
  departmentIndicators: { name: string; target: string }[];
  glossary: { term: string; definition: string }[];
}
