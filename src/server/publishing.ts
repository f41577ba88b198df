/**
 * Publishing a version: every output rendered once from the approved document — budget book, PDF, workbook, CSV,
 * open data and the JSON whose hash the portal shows — stored with the version, and indexed for search. Published
 * files never change, so they are served from a memory cache that needs no invalidation.
 */
import { publish } from "../publish/publish.ts";
import { validate } from "../rules/index.ts";
import type { Store } from "../store/connect.ts";
import { getPublishedFile, publishVersion } from "../store/published.ts";
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

  constructor(private readonly store: Store) {}

  async get(versionId: number, path: string): Promise<Uint8Array | undefined> {
    const key = `${versionId}/${path}`;
    const cached = this.files.get(key);
    if (cached) return cached;
    const content = await getPublishedFile(this.store.db, versionId, path);
    return content ? this.files.set(key, content) : undefined;
  }
}
