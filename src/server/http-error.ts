/** An error with the HTTP status it should be answered with and a message safe to show (no stack, no internals). */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export const unauthorized = () => new HttpError(401, "请先登录 (sign in first)");
export const forbidden = (why = "无权执行此操作 (not allowed)") => new HttpError(403, why);
export const notFound = (what: string) => new HttpError(404, `未找到 ${what} (not found)`);
