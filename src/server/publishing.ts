/**
 * Publishing a version: every output rendered once from the approved document — budget book, PDF, workbook, CSV,
 * open data and the JSON whose hash the portal shows — stored with the version, and indexed for search. Published
 * files never change, so they are served from a memory cache that needs no invalidation.
 */
import { publish } from "../publish/publish.ts";
import { validate } from "../rules/index.ts";
import type { Store } from "../store/connect.ts";
import { getPublishedFile, listPublished, type PublishedBudget, publishVersion } from "../store/published.ts";
import type { Version } from "../store/schema.ts";
import { loadTemplate } from "../templates/template.ts";
import { Memo } from "./memo.ts";
import { searchEntries } from "./portal/search-entries.ts";
import { parseDocument } from "./versions.ts";

export async function publishBudget(store: Store, budgetId: number, version: Version, actorId: number) {
  const doc = parseDocument(version);
  const template = loadTemplate(doc.template);
  const publication = await publish(doc, template, validate(doc));
  const encoder = new TextEncoder();
  const files = publication.files.map((f) => ({
    path: f.path,
    // budget.json is the stored document itself, so that its SHA-256 is the hash the portal shows.
    content:
      f.path === "budget.json"
        ? encoder.encode(version.document)
        : typeof f.content === "string"
          ? encoder.encode(f.content)
          : f.content,
  }));
  await publishVersion(store.db, budgetId, version.number, actorId, files, searchEntries(doc, template));
  return publication.timings;
}

/**
 * Published files by version id and path, bounded so that a large portal cannot exhaust memory. A file that does
 * not exist is not remembered: otherwise asking for made-up names would fill the cache.
 */
export class PublishedCache {
  private readonly files = new Memo<Uint8Array>(256 * 1024 * 1024, (content) => content.length);
  private readonly budgets = new Map<number, { at: number; value: PublishedBudget | undefined }>();

  constructor(
    private readonly store: Store,
    /** How long which version of a budget is published may be remembered: another server process may publish. */
    private readonly budgetTtlMs = 2000,
  ) {}

  /** The budget's published version, looked up at most once per TTL: the one query every book page would pay. */
  async budget(budgetId: number): Promise<PublishedBudget | undefined> {
    const known = this.budgets.get(budgetId);
    if (known && Date.now() - known.at < this.budgetTtlMs) return known.value;
    const [value] = await listPublished(this.store.db, budgetId);
    if (this.budgets.size >= 10_000) this.budgets.clear();
    this.budgets.set(budgetId, { at: Date.now(), value });
    return value;
  }

  /** Called when this process publishes, so that its own readers see the new version at once. */
  forget(budgetId: number): void {
    this.budgets.delete(budgetId);
  }

  async get(versionId: number, path: string): Promise<Uint8Array | undefined> {
    const key = `${versionId}/${path}`;
    const cached = this.files.get(key);
    if (cached) return cached;
    const content = await getPublishedFile(this.store.db, versionId, path);
    return content ? this.files.set(key, content) : undefined;
  }
}
