/**
 * The exported portal's search, as a small script file (search.js) beside search.html: it filters the page's list
 * of every searchable entry as one types, like the server's search (name contains the words, or a number read as
 * 万元 or 元 equals the amount). Without scripts the whole list shows and the browser's find still works; a script
 * file rather than inline code, so that the same page also passes a `script-src 'self'` policy.
 */
export const SEARCH_SCRIPT = `"use strict";
(() => {
  const form = document.querySelector(".portal-static-search");
  const input = document.getElementById("portal-q");
  const status = document.getElementById("portal-search-status");
  if (!form || !input || !status) return;
  form.hidden = false;
  const rows = [...document.querySelectorAll(".portal-hits tbody tr")];
  const groups = [...document.querySelectorAll(".portal-hit-group")];
  const lower = (s) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());
  // As queryAmounts in search-entries.ts: the figure in fen, read as 万元 and as 元.
  const amounts = (q) => {
    const t = q.replaceAll(",", "");
    if (!/^\\d{1,12}(\\.\\d{1,2})?$/.test(t)) return [];
    const [whole, fraction = ""] = t.split(".");
    const cents = Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
    return [String(cents * 10000), String(cents)];
  };
  const apply = () => {
    const q = input.value.trim().slice(0, 100);
    const wanted = amounts(q);
    let shown = 0;
    for (const row of rows) {
      const name = row.querySelector("th")?.textContent ?? "";
      const hit = q === "" || lower(name).includes(lower(q)) || wanted.includes(row.dataset.amount);
      row.hidden = !hit;
      if (hit) shown++;
    }
    for (const group of groups) {
      const count = group.querySelectorAll("tbody tr:not([hidden])").length;
      group.hidden = count === 0;
      const counter = group.querySelector(".portal-count");
      if (counter) counter.textContent = String(count);
    }
    status.textContent = q === "" ? "共 " + rows.length + " 条可搜索的内容。" : "“" + q + "”：找到 " + shown + " 条。";
  };
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    apply();
  });
  input.addEventListener("input", apply);
  input.value = new URLSearchParams(location.search).get("q") ?? "";
  apply();
})();
`;
