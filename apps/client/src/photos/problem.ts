/** Why a call to the PhotoCloud API did not give what was asked, in terms the page can explain. */
export type Problem =
  /** PrintShop's access ended (a refresh was refused): sign in again. */
  | { kind: "signed-out"; reason: string }
  /** The API refused the token: RFC 6750's error, its description, and the scope it needs. */
  | { kind: "refused"; status: number; error: string; description: string; scope?: string }
  /** A server could not be reached. */
  | { kind: "unreachable"; service: "PhotoCloud Accounts" | "the PhotoCloud API"; reason: string }
  /** Any other answer, such as a refused input. */
  | { kind: "failed"; status: number; description: string };
