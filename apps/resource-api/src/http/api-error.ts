/**
 * Errors of the API's own (non-OAuth) rules, answered as `{ error, error_description }` like the
 * OAuth errors, so a client reads every refusal the same way.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly description: string,
  ) {
    super(description);
    this.name = "ApiError";
  }
}

export const notFound = (description = "There is no such photo.") => new ApiError(404, "not_found", description);
export const badRequest = (description: string) => new ApiError(400, "invalid_request", description);
