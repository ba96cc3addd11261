// What the tests of the room dashboard and the exercises need: a room with its instructor,
// attendees made as joining makes them (an account, a confidential client with a redirect URI on
// their laptop, an attendee row), and their traffic, recorded as the three apps record it.
import { demoClient, demoLabClient } from "@seven-steps/db/demo-data";
import { findFlowId } from "@seven-steps/inspector";
import { createRecorder, type ExchangeToRecord } from "@seven-steps/inspector/recorder";
import { readUnverifiedClaims } from "@seven-steps/protocol";
import { randomUUID } from "node:crypto";
import { db } from "@/db";
import { hashPassword } from "@/secrets/password-hash";
import { generateSecret, hashSecret } from "@/secrets/secret-hash";
import { roomId } from "@/storage/workshop-room";
import { authorizationRequest, authorize, decide, pkce, redirectParameters, signIn, token, type TestClient } from "./fixtures.ts";

export interface TestPerson {
  id: string;
  username: string;
  password: string;
}

/** A user account of its own, with a password that signs in. */
export async function createPerson(username = `person-${randomUUID().slice(0, 8)}`): Promise<TestPerson> {
  const password = `password of ${username}`;
  const user = await db.user.create({ data: { username, name: username, passwordHash: await hashPassword(password) } });
  return { id: user.id, username, password };
}

/** The room, with `instructor` as its instructor, begun at `createdAt`. */
export async function createRoom(instructor: TestPerson, createdAt = new Date()) {
  return db.workshopRoom.upsert({
    where: { id: roomId },
    create: { id: roomId, codeHash: hashSecret("room-code"), instructorId: instructor.id, createdAt },
    update: { instructorId: instructor.id, createdAt, resetAt: null },
  });
}

export interface TestAttendee extends TestPerson {
  attendeeId: string;
  displayName: string;
  client: TestClient;
}

/** An attendee as joining makes one: their account, their own client, and the attendee row. */
export async function createAttendee(displayName: string, port = 3333): Promise<TestAttendee> {
  const person = await createPerson(`${displayName.toLowerCase().replaceAll(" ", "-")}-${randomUUID().slice(0, 6)}`);
  const clientId = `workshop-${person.username}`;
  const secret = generateSecret();
  const redirectUri = `http://localhost:${port}/callback`;
  await db.client.create({
    data: {
      id: clientId,
      name: displayName,
      secretHash: hashSecret(secret),
      tokenEndpointAuthMethod: "client_secret_basic",
      allowedScopes: "profile photos:read",
      allowedGrantTypes: "authorization_code refresh_token",
      redirectUris: { create: [{ uri: redirectUri }] },
    },
  });
  const attendee = await db.workshopAttendee.create({
    data: { roomId, displayName, displayNameKey: `${displayName.toLowerCase()} ${randomUUID()}`, userId: person.id, clientId },
  });
  return {
    ...person,
    attendeeId: attendee.id,
    displayName,
    client: { id: clientId, secret, redirectUri, redirectUris: [redirectUri], authMethod: "client_secret_basic" },
  };
}

/** PrintShop, the seed's confidential client. */
export const printShop: TestClient = {
  id: demoClient.id,
  secret: demoClient.secret,
  redirectUri: demoClient.redirectUris[0]!,
  redirectUris: demoClient.redirectUris,
  authMethod: "client_secret_basic",
};

/** PrintShop's lab, the seed's public client. */
export const lab: TestClient = {
  id: demoLabClient.id,
  secret: undefined,
  redirectUri: demoLabClient.redirectUris[0]!,
  redirectUris: demoLabClient.redirectUris,
  authMethod: "none",
};

/**
 * Steps 1 to 3 as the inspector records them: the authorization request (which starts the flow),
 * then `person` signs in and allows. Returns the code and its PKCE verifier.
 */
export async function recordedCode(client: TestClient, person: { username: string; password: string }) {
  const { verifier, challenge } = await pkce();
  const request = authorizationRequest(client, challenge, { scope: "profile photos:read" });
  const started = await authorize(request);
  if (started.status !== 303) throw new Error(`the authorization request was answered ${started.status}`);
  const code = redirectParameters(await decide(request, "allow", await signIn(person))).get("code");
  if (!code) throw new Error("no code");
  return { code, verifier, request };
}

/** Steps 4 and 5: the code redeemed, with the right verifier unless told otherwise. */
export function redeem(client: TestClient, issued: { code: string; verifier: string }, codeVerifier = issued.verifier) {
  return token(client, { grant_type: "authorization_code", code: issued.code, redirect_uri: client.redirectUri, code_verifier: codeVerifier });
}

/** Steps 1 to 5, recorded: the tokens of `person` for `client`. */
export async function recordedTokens(client: TestClient, person: { username: string; password: string }) {
  const response = await redeem(client, await recordedCode(client, person));
  if (response.status !== 200) throw new Error(`token request answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as { access_token: string; refresh_token?: string };
}

/** The flow the inspector recorded a token into. */
export async function flowOfToken(accessToken: string): Promise<string> {
  const flowId = await findFlowId(db, "jti", readUnverifiedClaims(accessToken)?.jti ?? "");
  if (!flowId) throw new Error("the token's flow was not recorded");
  return flowId;
}

const resourceServer = createRecorder({ app: "resource-server", enabled: true, database: db });

/**
 * Steps 6 and 7 as the PhotoCloud API records them: a call with the access token, answered
 * `status`. The API is another app; its recorder is the same code.
 */
export async function recordApiCall(accessToken: string, status = 200): Promise<void> {
  const claims = readUnverifiedClaims(accessToken);
  const response =
    status === 200
      ? Response.json({ photos: [] })
      : Response.json(
          { error: "invalid_token", error_description: "The access token has expired." },
          { status, headers: { "WWW-Authenticate": 'Bearer error="invalid_token", error_description="The access token has expired."' } },
        );
  await resourceServer.record(() => ({
    kind: "resource",
    steps: [6, 7],
    from: "client",
    to: "resource-server",
    request: { method: "GET", url: "http://localhost:3002/photos", headers: new Headers({ authorization: `Bearer ${accessToken}` }) },
    response,
    belongsTo: { jti: claims?.jti },
    subject: status === 200 ? claims?.sub : undefined,
  }));
}

/**
 * An attack run of the attack lab, as the apps record it: a message from Mallory and one about
 * `subject`, both in the run's flow.
 */
export async function recordAttackRun(subject: string): Promise<void> {
  const attackRun = randomUUID();
  const message = (from: ExchangeToRecord["from"], about?: string): ExchangeToRecord => ({
    kind: "authorization-request",
    steps: [1],
    from,
    to: "authorization-server",
    request: { method: "GET", url: "http://localhost:3001/authorize?client_id=printshop", headers: new Headers() },
    response: new Response(null, { status: 303, headers: { location: "/sign-in" } }),
    belongsTo: { attackRun },
    subject: about,
  });
  const recorder = createRecorder({ app: "authorization-server", enabled: true, database: db });
  await recorder.record(() => message("attacker"));
  await recorder.record(() => message("user", subject));
}
