/**
 * Every text of a published document reaches the page through here: a disclosure is public, its text comes from
 * imports of outside files, so nothing in it may become markup. Escaping quotes too makes the result safe inside
 * attribute values as well as element content.
 */
const ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}
