import { defineCheck, referenceOfRequestUri, rfcSection } from "@seven-steps/protocol";
import { hashSecret } from "@/secrets/secret-hash";
import {
  findPushedAuthorizationRequest,
  usePushedAuthorizationRequest,
  type StoredPushedAuthorizationRequest,
} from "@/storage/pushed-authorization-requests";
import { InvalidRequest, InvalidRequestUri } from "../errors.ts";
import type { RequestParameters } from "../parameters.ts";

/**
 * The checks of pushed authorization requests (RFC 9126): at the push, and when the request comes
 * back by reference to the authorization endpoint. ./push.ts and ./by-reference.ts apply them.
 */

const source = "apps/authorization-server/src/oauth/pushed-authorization-request/checks.ts";

/**
 * A pushed request carries the request itself, never a `request_uri`: a reference to a request
 * elsewhere would undo the point of pushing it.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9126#section-2.1
 */
export const checkNoRequestUri = defineCheck(
  {
    checkedBy: "authorization-server",
    rule: "a pushed request carries no request_uri",
    why: "The request itself is pushed; a reference to one kept elsewhere would escape the checks made here.",
    see: rfcSection(9126, "2.1"),
    source,
  },
  (parameters: RequestParameters): void => {
    if (parameters.has("request_uri")) {
      throw new InvalidRequest("A pushed authorization request must not contain request_uri (RFC 9126 section 2.1).");
    }
  },
);

/**
 * At the authorization endpoint, `request_uri` must name a request this server keeps: pushed by
 * the client that `client_id` names, not expired, not yet used. Anything else is
 * `invalid_request_uri` (RFC 9101 §7). A request may be read again before it is used (a reload,
 * the round trip through sign-in and consent), which RFC 9126 §4 allows; only the authorization
 * response spends it (see {@link spendRequestUri}).
 *
 * @see https://www.rfc-editor.org/rfc/rfc9126#section-4
 */
export const checkRequestUri = defineCheck(
  {
    checkedBy: "authorization-server",
    rule: "request_uri names a request this client pushed, not expired and not yet used",
    why: "The reference stands for a request checked when it was pushed; an old, spent or borrowed one must not start a new authorization.",
    see: rfcSection(9126, "4"),
    source,
  },
  async (parameters: RequestParameters, requestUri: string, now: Date): Promise<StoredPushedAuthorizationRequest> => {
    const clientId = parameters.require("client_id", ": it names the client that pushed the request (RFC 9126 section 4)");
    const reference = referenceOfRequestUri(requestUri);
    const stored = reference === undefined ? null : await findPushedAuthorizationRequest(hashSecret(reference));
    // Another client's reference is answered as an unknown one: a client learns nothing of others'.
    if (!stored || stored.clientId !== clientId) {
      throw new InvalidRequestUri("The request_uri names no request pushed by this client.");
    }
    if (stored.usedAt !== null) {
      throw new InvalidRequestUri("The request_uri has already been used; push a new request for each authorization.");
    }
    if (stored.expiresAt <= now) throw new InvalidRequestUri("The request_uri has expired; push the request again.");
    return stored;
  },
);

/**
 * The request is spent by the one authorization response it leads to, a code or an error sent to
 * the client: a single conditional UPDATE, so two answers racing on it cannot both go out.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9126#section-4
 */
export const spendRequestUri = defineCheck(
  {
    checkedBy: "authorization-server",
    rule: "the request_uri is spent, once, by the authorization response it leads to",
    why: "A pushed request carries one PKCE challenge and one state: it must lead to one answer only.",
    see: rfcSection(9126, "4"),
    source,
  },
  async (referenceHash: string, now: Date): Promise<void> => {
    if (!(await usePushedAuthorizationRequest(referenceHash, now))) {
      throw new InvalidRequestUri("The request_uri has already been used or has expired; push the request again.");
    }
  },
);
