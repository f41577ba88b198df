/** What the store refuses, so that the server can answer 409 (conflict) or 404 with a clear message. */
export class ConflictError extends Error {
  constructor(
    message: string,
    readonly head?: number,
  ) {
    super(message);
  }
}

export class NotFoundError extends Error {}
