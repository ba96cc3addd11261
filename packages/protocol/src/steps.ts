import type { Role } from "./roles.ts";

/**
 * The seven steps of the authorization code flow, as the article "7 Steps To Understand OAuth2"
 * numbers them. The client app draws its sequence diagram from this catalogue and the tests check
 * recorded traffic against it.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.1
 */
export const stepIds = [
  "authorization-request",
  "user-authorization",
  "authorization-code",
  "access-token-request",
  "access-token",
  "access-resource",
  "resource-delivery",
] as const;

export type StepId = (typeof stepIds)[number];

/**
 * How a message travels:
 * - `front-channel`: through the user's browser, by an HTTP redirect;
 * - `user-interaction`: the user and a server, in the browser;
 * - `back-channel`: server to server, never seen by the browser.
 */
export type Channel = "front-channel" | "user-interaction" | "back-channel";

export interface Step {
  number: 1 | 2 | 3 | 4 | 5 | 6 | 7;
  id: StepId;
  title: string;
  description: string;
  from: Role;
  to: Role;
  /** The role a front-channel message passes through on its way. */
  via?: Role;
  channel: Channel;
  /** The specification section that defines the message. */
  see: string;
}

export const steps: readonly Step[] = [
  {
    number: 1,
    id: "authorization-request",
    title: "Authorization request",
    description:
      "The client sends the user's browser to the authorization server with what it asks for: its client_id, the scopes, a state value and a PKCE code challenge.",
    from: "client",
    to: "authorization-server",
    via: "user",
    channel: "front-channel",
    see: "https://www.rfc-editor.org/rfc/rfc6749#section-4.1.1",
  },
  {
    number: 2,
    id: "user-authorization",
    title: "User authorization",
    description:
      "The user signs in at the authorization server, never at the client, and allows or denies the access the client asked for.",
    from: "user",
    to: "authorization-server",
    channel: "user-interaction",
    see: "https://www.rfc-editor.org/rfc/rfc6749#section-4.1",
  },
  {
    number: 3,
    id: "authorization-code",
    title: "Authorization code",
    description:
      "The authorization server sends the browser back to the client's redirect URI with a short-lived, single-use code, the client's state and its own issuer identifier.",
    from: "authorization-server",
    to: "client",
    via: "user",
    channel: "front-channel",
    see: "https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2",
  },
  {
    number: 4,
    id: "access-token-request",
    title: "Access token request",
    description:
      "The client sends the code and its PKCE code verifier straight to the authorization server, authenticating itself if it has a secret, and asks for tokens.",
    from: "client",
    to: "authorization-server",
    channel: "back-channel",
    see: "https://www.rfc-editor.org/rfc/rfc6749#section-4.1.3",
  },
  {
    number: 5,
    id: "access-token",
    title: "Access token",
    description:
      "The authorization server answers with an access token for the resource server, limited to the scopes the user allowed, and a refresh token.",
    from: "authorization-server",
    to: "client",
    channel: "back-channel",
    see: "https://www.rfc-editor.org/rfc/rfc6749#section-4.1.4",
  },
  {
    number: 6,
    id: "access-resource",
    title: "Access resource",
    description: "The client calls the resource server with the access token in the Authorization header.",
    from: "client",
    to: "resource-server",
    channel: "back-channel",
    see: "https://www.rfc-editor.org/rfc/rfc6750#section-2.1",
  },
  {
    number: 7,
    id: "resource-delivery",
    title: "Resource delivery",
    description:
      "The resource server checks the token's signature, issuer, audience, lifetime and scope, then returns this user's data and nothing else.",
    from: "resource-server",
    to: "client",
    channel: "back-channel",
    see: "https://www.rfc-editor.org/rfc/rfc9068#section-4",
  },
];

/**
 * Step 0, before the seven steps: how a client that knows only the API finds the rest (RFC 9728,
 * then RFC 8414). It is the client's, not a flow's: a client may discover once and sign in many
 * times, which is why it is kept apart from {@link steps}.
 */
export interface DiscoveryStep extends Omit<Step, "number" | "id"> {
  number: 0;
  id: "discovery";
}

export const discoveryStep: DiscoveryStep = {
  number: 0,
  id: "discovery",
  title: "Discovery",
  description:
    "Before the seven steps, the client calls the resource server without a token, reads in the 401 where the resource's metadata is, and learns from it which authorization server to use and, from that server's metadata, its endpoints.",
  from: "client",
  to: "resource-server",
  channel: "back-channel",
  see: "https://www.rfc-editor.org/rfc/rfc9728#section-5",
};

/** The step with the given id. */
export function getStep(id: StepId): Step {
  const step = steps.find((candidate) => candidate.id === id);
  if (!step) throw new RangeError(`Unknown step id: ${id}`);
  return step;
}
