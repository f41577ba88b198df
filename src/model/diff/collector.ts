/**
 * Gathering the changes: where each one is (its location, and the same place as the message reads it) and how a
 * text, a figure, a list of texts or a list of keyed items is compared, so that the narrative and the tables are
 * described the same way.
 */
import { alignByKey, excerpt, pairGaps, SHORT } from "./align.ts";
import type { ChangeKind, ChangeLocation, DocumentChange } from "./changes.ts";
import { type Bilingual, literal, say, word } from "./messages.ts";

/** Where a change is, for the location and for the message: pieces read 第三部分 一、… 正文 / Part 3 › … › text. */
export interface Place {
  location: ChangeLocation;
  pieces: Bilingual[];
}
export const root = (part: ChangeLocation["part"], ...pieces: Bilingual[]): Place => ({ location: { part }, pieces });
export const within = (place: Place, path: string, ...pieces: Bilingual[]): Place => ({
  location: { ...place.location, path: place.location.path ? `${place.location.path}/${path}` : path },
  pieces: [...place.pieces, ...pieces],
});
export const placeText = (place: Place): Bilingual => ({
  zh: place.pieces.map((p) => p.zh).join(" "),
  en: place.pieces.map((p) => p.en).join(" › "),
});

export class Collector {
  readonly changes: DocumentChange[] = [];

  add(kind: ChangeKind, place: Place, message: Bilingual, extra: Partial<DocumentChange> = {}): void {
    this.changes.push({ kind, location: place.location, ...extra, message: message.zh, messageEn: message.en });
  }

  /** A text field: added, removed, or changed with the stretch around its first difference. */
  text(kind: ChangeKind, place: Place, before: string | undefined, after: string | undefined): void {
    if (before === after) return;
    const where = placeText(place);
    if (before === undefined || after === undefined) {
      const value = excerpt("", before ?? after ?? "", 0).after;
      const way = before === undefined ? "added" : "removed";
      const own = kind === "text" ? way : kind;
      this.add(own, place, say(way, { place: where, value }), before === undefined ? { after } : { before });
      return;
    }
    const long = Array.from(before).length > SHORT || Array.from(after).length > SHORT;
    const shown = kind === "text" || long ? excerpt(before, after) : { before, after };
    const sentence = kind === "text" || long ? "textChanged" : "changed";
    this.add(kind, place, say(sentence, { place: where, ...shown }), {
      before,
      after,
      ...(shown.before === before && shown.after === after ? {} : { excerpt: shown }),
    });
  }

  /** A figure or setting, shown as the document prints it. */
  value<V extends string | number>(
    kind: ChangeKind,
    place: Place,
    before: V | undefined,
    after: V | undefined,
    show: (v: V) => string = String,
  ): void {
    if (before === after) return;
    const text = (v: V | undefined) => (v === undefined ? word("blank") : literal(show(v)));
    // Only narrative figures are amounts; a change of year or of decimals has no meaningful difference.
    const amounts = kind === "value" && typeof before === "number" && typeof after === "number";
    const difference = amounts ? after - before : undefined;
    this.add(kind, place, say("changed", { place: placeText(place), before: text(before), after: text(after) }), {
      ...(before === undefined ? {} : { before }),
      ...(after === undefined ? {} : { after }),
      ...(difference === undefined ? {} : { difference }),
    });
  }

  /** A list of plain texts (duties, policies, contents), each item numbered as printed. */
  texts(kind: ChangeKind, place: Place, before: readonly string[], after: readonly string[]): void {
    const number = (list: readonly string[], item: string | undefined) => list.indexOf(item ?? "");
    for (const [b, a] of pairGaps(alignByKey(before, after, (t) => t))) {
      const n = a !== undefined ? number(after, a) : number(before, b);
      this.text(kind, within(place, String(n), word("item", { n: n + 1 })), b, a);
    }
  }

  /** Keyed items (units, facts, indicators …): each added, removed, or compared field by field. */
  items<T>(
    kind: ChangeKind,
    place: Place,
    lists: [readonly T[], readonly T[]],
    keyOf: (item: T) => string,
    piece: (item: T) => Bilingual,
    summary: (item: T) => string,
    fields: (place: Place, before: T, after: T) => void,
  ): void {
    for (const [b, a] of alignByKey(lists[0], lists[1], keyOf)) {
      const item = (a ?? b) as T;
      const at = within(place, keyOf(item), piece(item));
      if (b !== undefined && a !== undefined) fields(at, b, a);
      else {
        const way = b === undefined ? "added" : "removed";
        const value = excerpt("", summary(item), 0).after;
        this.add(kind === "text" ? way : kind, at, say(way, { place: placeText(at), value }));
      }
    }
  }
}
