/**
 * A version's findings, computed once: versions never change, so validating the same version again on every view
 * (tens of milliseconds each) would only spend CPU that any signed-in user could make the server spend.
 */
import type { Diagnostic } from "../rules/diagnostic.ts";
import { validate } from "../rules/index.ts";
import type { Version } from "../store/schema.ts";
import { Memo } from "./memo.ts";
import { parseDocument } from "./versions.ts";

export class FindingsCache {
  private readonly memo = new Memo<Diagnostic[]>(500);

  of(version: Version): Diagnostic[] {
    const key = String(version.id);
    return this.memo.get(key) ?? this.memo.set(key, validate(parseDocument(version)));
  }
}
