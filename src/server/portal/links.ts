/**
 * Where the portal's pages are. The server answers at absolute paths (/departments/1); the exported site is a
 * folder of files that must work from any location, so its links are relative to the page that holds them. Every
 * page is written once against this interface, so the two cannot drift apart.
 */

export interface PortalLinks {
  home: string;
  department(departmentId: number): string;
  /** A file of a published budget's book; the book's front page when no path is given. */
  book(budgetId: number, path?: string): string;
  /** The search page, with the query when the site can answer one. */
  search(query?: string): string;
  compare(a: number, b: number): string;
}

export const serverLinks: PortalLinks = {
  home: "/",
  department: (id) => `/departments/${id}`,
  book: (id, path = "") => `/budgets/${id}/${path}`,
  search: (query) => (query ? `/search?q=${encodeURIComponent(query)}` : "/search"),
  compare: (a, b) => `/compare?a=${a}&b=${b}`,
};

/** The exported site's layout, as paths from its root folder. */
export const sitePath = {
  home: "index.html",
  search: "search.html",
  searchIndex: "search-index.json",
  searchScript: "search.js",
  department: (id: number) => `departments/${id}.html`,
  book: (id: number, path = "index.html") => `budgets/${id}/${path}`,
  compare: (a: number, b: number) => `compare/${a}-${b}.html`,
};

/**
 * Links from a page at `pagePath` (relative to the site's root) to the rest of the site. Book paths are made of
 * safe names (see bookPath); only the folder depth matters.
 */
export function staticLinks(pagePath: string): PortalLinks {
  const up = "../".repeat(pagePath.split("/").length - 1);
  return {
    home: up + sitePath.home,
    department: (id) => up + sitePath.department(id),
    book: (id, path) => up + sitePath.book(id, path),
    search: () => up + sitePath.search,
    compare: (a, b) => up + sitePath.compare(a, b),
  };
}
