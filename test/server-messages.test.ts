/**
 * The user-interface catalogues (data/messages/server.yaml for the portal and workbench, html.yaml for the
 * renderers' findings and comparison words): every message in both languages with the same placeholders, every key
 * the code names present, and every status, role, action, flash code, search kind and figure named.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type Catalogue, LANGS } from "../src/i18n.ts";
import { FIGURES } from "../src/render/html/compare.ts";
import { HTML_MESSAGES } from "../src/render/html/words.ts";
import { SERVER_MESSAGES } from "../src/server/i18n.ts";
import { KINDS } from "../src/server/portal/search.ts";
import { ROLES, STATUSES } from "../src/server/workbench/labels.ts";
import { DONE_CODES } from "../src/server/workbench/respond.ts";
import { STATUS_ACTIONS } from "../src/server/workbench/workflow-forms.ts";
import { ACTIONS } from "../src/store/workflow.ts";

const CATALOGUES = [SERVER_MESSAGES, HTML_MESSAGES];
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith(".ts") ? [path] : [];
  });
}

/**
 * The keys the code names as string literals: `"group.name"` where `group` is one of the catalogue's top-level
 * groups (file names such as "budget.json" are not keys). Keys made at run time (`status.${s}`) are checked below.
 */
function keysUsed(catalogue: Catalogue, files: string[]): Map<string, string> {
  const groups = new Set([...catalogue.all.keys()].map((k) => k.split(".")[0]));
  const used = new Map<string, string>();
  for (const file of files) {
    for (const [, key] of readFileSync(file, "utf8").matchAll(/"([a-zA-Z]+(?:\.[a-zA-Z]+)+)"/g)) {
      if (!key || !groups.has(key.split(".")[0] ?? "")) continue;
      if (/\.(html|js|json|css|pdf|xlsx|csv|yaml|ts)$/.test(key)) continue;
      used.set(key, file);
    }
  }
  return used;
}

describe("user-interface messages", () => {
  it.each(CATALOGUES)("has every message of $file in Chinese and English, with the same placeholders", (c) => {
    expect(c.all.size).toBeGreaterThan(10);
    for (const [key, entry] of c.all) {
      for (const lang of LANGS) {
        const text = entry[lang];
        expect(typeof text === "string" && text.trim() !== "", `${c.file} ${key}.${lang}`).toBe(true);
      }
      expect(placeholders(String(entry.en)), `${c.file} ${key}: placeholders`).toEqual(placeholders(String(entry.zh)));
    }
  });

  it("has English without Chinese characters, except the names of the languages themselves", () => {
    for (const c of CATALOGUES) {
      for (const [key, entry] of c.all) {
        if (key === "switch.chinese") continue;
        expect(String(entry.en), `${c.file} ${key}`).not.toMatch(/\p{Script=Han}/u);
      }
    }
  });

  it("has every key the code names", () => {
    const files = [...sources("src/server"), ...sources("src/render/html")];
    for (const c of CATALOGUES) {
      const used = keysUsed(c, files);
      expect(used.size, c.file).toBeGreaterThan(10);
      for (const [key, file] of used) expect(c.has(key), `${key} (${file}) in ${c.file}`).toBe(true);
    }
  });

  it("names every status, role, action, flash code, search kind, figure and severity", () => {
    const expectKeys = (c: Catalogue, keys: string[]) => {
      for (const key of keys) expect(c.has(key), `${key} in ${c.file}`).toBe(true);
    };
    expectKeys(
      SERVER_MESSAGES,
      STATUSES.map((s) => `status.${s}`),
    );
    expectKeys(
      SERVER_MESSAGES,
      ROLES.map((r) => `role.${r}`),
    );
    expectKeys(
      SERVER_MESSAGES,
      ACTIONS.map((a) => `action.${a}`),
    );
    expectKeys(
      SERVER_MESSAGES,
      ACTIONS.map((a) => `verb.${a}`),
    );
    expectKeys(
      SERVER_MESSAGES,
      STATUS_ACTIONS.map((a) => `workflow.${a}`),
    );
    expectKeys(
      SERVER_MESSAGES,
      DONE_CODES.map((d) => `done.${d}`),
    );
    expectKeys(
      SERVER_MESSAGES,
      KINDS.map((k) => `kind.${k}`),
    );
    expectKeys(
      HTML_MESSAGES,
      FIGURES.map((f) => `figure.${f.id}`),
    );
    expectKeys(
      HTML_MESSAGES,
      ["error", "warning", "info"].map((s) => `severity.${s}`),
    );
  });

  it("fills placeholders, says nested messages in the same language, and escapes HTML but given markup", () => {
    const role = { key: "role.reviewer" };
    expect(SERVER_MESSAGES.text("zh", "error.roleMayNot", { role, action: { key: "verb.publish" } })).toBe(
      "审核人员不能执行“公开”",
    );
    expect(SERVER_MESSAGES.text("en", "site.account", { name: "<b>", role })).toBe("<b> (Reviewer)");
    expect(SERVER_MESSAGES.html("en", "portal.hash", { hash: "<x>" })).toBe("Content hash &lt;x&gt;");
    expect(SERVER_MESSAGES.html("en", "portal.hash", { hash: { html: "<code>h</code>" } })).toBe(
      "Content hash <code>h</code>",
    );
    expect(() => SERVER_MESSAGES.text("en", "no.such.key")).toThrow(/no en message no\.such\.key/);
  });
});
