/** A change refused for a reason the user can act on; carries the HTTP status that fits it. */
export class Refusal extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429,
    message: string,
    readonly fieldErrors: Record<string, string> = {},
  ) {
    super(message);
    this.name = "Refusal";
  }
}

export const forbidden = (message = "无权进行此操作") => new Refusal(403, message);
export const notFound = (message = "要操作的对象不存在") => new Refusal(404, message);
export const conflict = (message: string) => new Refusal(409, message);
