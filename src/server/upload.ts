/**
 * Reading a multipart upload: one file (size-limited by the multipart plugin, so a larger one is refused while it
 * streams in, before anything is stored) and a few text fields.
 */
import type { FastifyRequest } from "fastify";
import { HttpError } from "./http-error.ts";

export interface Upload {
  fileName: string;
  bytes: Uint8Array;
  fields: Record<string, string>;
}

export async function readUpload(request: FastifyRequest): Promise<Upload> {
  if (!request.isMultipart()) throw new HttpError(415, "error.sendMultipart");
  const fields: Record<string, string> = {};
  let file: { fileName: string; bytes: Uint8Array } | undefined;
  for await (const part of request.parts()) {
    if (part.type === "file") {
      const bytes = await part.toBuffer();
      if (part.filename && bytes.length > 0) file = { fileName: part.filename, bytes };
    } else if (typeof part.value === "string") {
      fields[part.fieldname] = part.value.slice(0, 1000);
    }
  }
  if (!file) throw new HttpError(422, "error.noFile");
  return { ...file, fields };
}

/** An optional positive integer form field (a version number). */
export function integerField(value: string | undefined, name: string): number | undefined {
  if (value === undefined || value.trim() === "") return undefined;
  const number = Number(value);
  if (!Number.isSafeInteger(number) || number < 1) throw new HttpError(422, "error.positiveInteger", { name });
  return number;
}
