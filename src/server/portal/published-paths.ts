/**
 * The paths of a published version's files. Asked once per version and kept (PublishedPaths), so that a request for
 * a file that does not exist is answered without touching the file caches: caching every miss would let anyone
 * grow them without bound by asking for made-up names.
 */
import type { Kysely } from "kysely";
import { publishedPaths } from "../../store/published.ts";
import type { Database } from "../../store/schema.ts";
import { Memo } from "../memo.ts";

export class PublishedPaths {
  private readonly known = new Memo<Set<string>>(1_000_000, (paths) => paths.size + 1);

  constructor(private readonly db: Kysely<Database>) {}

  async has(versionId: number, path: string): Promise<boolean> {
    const paths = await this.known.getOrMake(
      String(versionId),
      async () => new Set(await publishedPaths(this.db, versionId)),
    );
    return paths.has(path);
  }
}
