/**
 * Accounts (admins only): the list, and a form to create one through createAccount, which checks the name, the
 * password and that a preparer has a department. A refused form comes back with what was typed, except the password.
 */
import type { FastifyInstance } from "fastify";
import { escapeHtml } from "../../render/html/escape.ts";
import type { Role } from "../../store/schema.ts";
import { listDepartments, listUsers } from "../../store/users.ts";
import { createAccount } from "../accounts.ts";
import { requireUser } from "../auth.ts";
import type { ServerContext } from "../context.ts";
import { t } from "../i18n.ts";
import { formatTime, ROLES, roleName } from "./labels.ts";
import { csrfField, doneFlash, errorFlash, formFields, sendPage, userError, type Viewer, viewerOf } from "./respond.ts";

const COLUMNS = ["users.username", "users.displayName", "users.role", "users.department", "users.created"];

async function usersBody(context: ServerContext, viewer: Viewer, notice: string, typed: Record<string, string> = {}) {
  const { db } = context.store;
  const { lang } = viewer;
  const word = (key: string) => escapeHtml(t(lang, key));
  const [users, departments] = await Promise.all([listUsers(db), listDepartments(db)]);
  const names = new Map(departments.map((d) => [d.id, d.name]));
  const rows = users.map(
    (
      u,
    ) => `<tr><td>${escapeHtml(u.username)}</td><td>${escapeHtml(u.display_name)}</td><td>${escapeHtml(roleName(lang, u.role))}</td>
<td>${escapeHtml(u.department_id === null ? "" : (names.get(u.department_id) ?? ""))}</td><td>${formatTime(u.created_at)}</td></tr>`,
  );
  const value = (name: string) => escapeHtml(typed[name] ?? "");
  const role = typed.role ?? "preparer";
  const roleOptions = ROLES.map(
    (r) => `<option value="${r}"${r === role ? " selected" : ""}>${escapeHtml(roleName(lang, r))}</option>`,
  ).join("");
  // A datalist offers the departments already known without needing a script; a new name creates the department.
  const departmentOptions = departments.map((d) => `<option value="${escapeHtml(d.name)}"></option>`).join("");
  return `<header class="wb-head"><p class="eyebrow"><a href="/workbench">${word("site.workbench")}</a></p><h1>${word("users.title")}</h1></header>
${notice}
<section aria-labelledby="users-title"><h2 id="users-title">${escapeHtml(t(lang, "users.all", { count: users.length }))}</h2>
<div class="table-scroll"><table class="wb-table">
<thead><tr>${COLUMNS.map((key) => `<th scope="col">${word(key)}</th>`).join("")}</tr></thead>
<tbody>
${rows.join("\n")}
</tbody>
</table></div>
</section>
<section aria-labelledby="create-title"><h2 id="create-title">${word("users.create")}</h2>
<form class="stack" method="post" action="/workbench/users">
${csrfField(viewer)}
<label>${word("users.username")} <input name="username" required maxlength="64" autocomplete="off" value="${value("username")}"></label>
<label>${word("users.displayName")} <input name="displayName" maxlength="100" value="${value("displayName")}"></label>
<label>${word("users.password")} <input name="password" type="password" required autocomplete="new-password" maxlength="200"></label>
<label>${word("users.role")} <select name="role">${roleOptions}</select></label>
<label>${word("users.departmentField")}<input name="department" list="departments" maxlength="200" value="${value("department")}"></label>
<datalist id="departments">${departmentOptions}</datalist>
<button class="primary" type="submit">${word("users.submit")}</button>
</form>
</section>`;
}

export function registerUserPages(app: FastifyInstance, context: ServerContext): void {
  app.get("/workbench/users", async (request, reply) => {
    const viewer = viewerOf(request);
    requireUser(request, "admin");
    const body = await usersBody(context, viewer, doneFlash(request.query, viewer.lang));
    return sendPage(reply, viewer, t(viewer.lang, "users.title"), body);
  });
  app.post("/workbench/users", async (request, reply) => {
    const viewer = viewerOf(request);
    const admin = requireUser(request, "admin");
    const fields = formFields(request.body);
    try {
      await createAccount(context, admin, {
        username: fields.username ?? "",
        displayName: fields.displayName,
        password: fields.password ?? "",
        role: (fields.role ?? "") as Role,
        department: fields.department,
      });
      return reply.redirect("/workbench/users?done=created", 303);
    } catch (error) {
      const problem = userError(error, viewer.lang);
      const { password: _password, ...typed } = fields;
      const body = await usersBody(context, viewer, errorFlash(problem.message), typed);
      return sendPage(reply, viewer, t(viewer.lang, "users.title"), body, problem.status);
    }
  });
}
