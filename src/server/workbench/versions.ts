/**
 * One version: who made it and when, its content hash, and the readable diff from the version before — the
 * sentences src/model/diff.ts wrote when the version was saved, grouped by where in the document they are.
 */
import type { FastifyInstance } from "fastify";
import type { DocumentChange } from "../../model/diff.ts";
import { escapeHtml } from "../../render/html/escape.ts";
import { listVersions } from "../../store/budgets.ts";
import { visibleBudget } from "../access.ts";
import type { ServerContext } from "../context.ts";
import { notFound } from "../http-error.ts";
import { versionPath } from "./history.ts";
import { budgetName, findingCounts, formatTime } from "./labels.ts";
import { idParam, sendPage, viewerOf } from "./respond.ts";

const PART_NAMES: Record<string, string> = {
  meta: "文档信息",
  part1: "第一部分 部门职责及机构设置",
  part2: "第二部分 工作任务及绩效目标",
  part3: "第三部分 情况说明",
};

const groupOf = (c: DocumentChange) =>
  c.location.part === "table" ? `报表 ${c.location.table ?? ""}` : (PART_NAMES[c.location.part] ?? c.location.part);

function changeList(number: number, changes: DocumentChange[]): string {
  if (number === 1) return '<p class="empty">这是第一个版本，没有可比较的上一版本。</p>';
  if (changes.length === 0) return `<p class="empty">与第 ${number - 1} 版内容相同。</p>`;
  const groups = new Map<string, DocumentChange[]>();
  for (const c of changes) groups.set(groupOf(c), [...(groups.get(groupOf(c)) ?? []), c]);
  const sections = [...groups].map(
    ([group, list]) => `<h3>${escapeHtml(group)}（${list.length}）</h3>
<ul class="change-list">
${list.map((c) => `<li class="change change-${escapeHtml(c.kind)}">${escapeHtml(c.message)}</li>`).join("\n")}
</ul>`,
  );
  return `<p>与第 ${number - 1} 版相比共 ${changes.length} 处变更：</p>\n${sections.join("\n")}`;
}

export function registerVersionPages(app: FastifyInstance, context: ServerContext): void {
  app.get<{ Params: { id: string; number: string } }>(
    "/workbench/budgets/:id/versions/:number",
    async (request, reply) => {
      const viewer = viewerOf(request);
      const budget = await visibleBudget(context, viewer.user, idParam(request.params.id));
      const number = idParam(request.params.number);
      const versions = await listVersions(context.store.db, budget.id);
      const version = versions.find((v) => v.number === number);
      if (!version) throw notFound(`预算 ${budget.id} 的第 ${number} 版`);
      const changes = JSON.parse(version.changes) as DocumentChange[];
      const neighbours = [
        number > 1 ? `<a rel="prev" href="${versionPath(budget.id, number - 1)}">← 第 ${number - 1} 版</a>` : "",
        number < budget.head
          ? `<a rel="next" href="${versionPath(budget.id, number + 1)}">第 ${number + 1} 版 →</a>`
          : "",
      ].filter(Boolean);
      const published =
        number === budget.published_version ? '<span class="status status-published">已公开</span>' : "";
      const body = `<header class="wb-head">
<p class="eyebrow"><a href="/workbench">工作台</a> › <a href="/workbench/budgets/${budget.id}">${escapeHtml(budgetName(budget))}</a></p>
<h1>第 ${number} 版 ${published}</h1>
</header>
<dl class="version-meta">
<dt>作者</dt><dd>${escapeHtml(version.author)}</dd>
<dt>时间</dt><dd>${formatTime(version.created_at)}</dd>
<dt>说明</dt><dd>${escapeHtml(version.note)}</dd>
<dt>校验</dt><dd>${findingCounts(version.errors, version.warnings)}</dd>
<dt>内容哈希（SHA-256）</dt><dd><code class="hash">${escapeHtml(version.hash)}</code></dd>
</dl>
${neighbours.length > 0 ? `<nav class="pager-links" aria-label="版本">${neighbours.join(" ")}</nav>` : ""}
<section aria-labelledby="changes-title"><h2 id="changes-title">与上一版的差异</h2>
${changeList(number, changes)}
</section>`;
      return sendPage(reply, viewer, `${budgetName(budget)} 第 ${number} 版`, body);
    },
  );
}
