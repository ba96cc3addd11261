// "How this worked": the inspector draws the seven steps from the messages the three apps really
// exchanged, and what it shows must be what happened, with no secret in sight.
import type { Browser, Page } from "@playwright/test";
import { linkKey, malloryUserAgent, maskSecret } from "@seven-steps/inspector";
import { decodeJwt } from "jose";
import { apps } from "../apps.ts";
import { database } from "../fixtures/database.ts";
import { expect, signInAs, test } from "../fixtures/test.ts";
import { registerTestUser, type TestUser } from "../fixtures/test-users.ts";

const client = apps.client.url;
const callbackPrefix = `${client}/api/auth/callback/authorization-server?`;

/** Signs a member in at PrintShop, and returns the code the callback brought. */
async function signInAtPrintShop(page: Page, user: TestUser): Promise<string> {
  let code: string | null = null;
  page.on("request", (request) => {
    if (request.url().startsWith(callbackPrefix)) code = new URL(request.url()).searchParams.get("code");
  });
  await page.goto(client);
  await page.getByRole("button", { name: "Sign in with PhotoCloud" }).click();
  await signInAs(page, user.username, user.password);
  await page.getByRole("button", { name: "Allow" }).click();
  await expect(page.getByRole("heading", { name: `${user.name}'s photos` })).toBeVisible();
  expect(code).toBeTruthy();
  return code!;
}

async function openInspector(page: Page): Promise<string> {
  await page.getByRole("link", { name: "See how this worked, step by step" }).click();
  await expect(page.getByRole("heading", { name: "How this worked" })).toBeVisible();
  await expect(page.getByRole("status")).toContainText("7 of 7 steps recorded");
  return new URL(page.url()).pathname.split("/").at(-1)!;
}

function tokenJti(token: string): string {
  return decodeJwt(token).jti!;
}

test("after a sign-in, the inspector shows the seven steps as they really happened", async ({ page, testUser }) => {
  const code = await signInAtPrintShop(page, testUser);
  const flowId = await openInspector(page);

  // All seven arrows, none "not yet".
  const diagram = page.getByRole("list", { name: "The seven steps" });
  await expect(diagram.getByRole("button")).toHaveCount(7);
  await expect(diagram.getByRole("button", { name: /not happened yet/ })).toHaveCount(0);

  // Step 3: the code shown is the code PrintShop received, masked, and the flow is the one it opens.
  await page.getByRole("button", { name: /^Step 3\./ }).click();
  await expect(page.getByRole("heading", { name: "Step 3: Authorization code" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Step 3: Authorization code" }).getByText(maskSecret(code)).first()).toBeVisible();
  const codeLink = await database.flowCorrelation.findFirstOrThrow({ where: { key: linkKey("code", code) } });
  expect(codeLink.flowId).toBe(flowId);

  // Step 5's token is the token the resource API saw in step 6.
  const exchanges = await database.protocolExchange.findMany({ where: { flowId }, orderBy: { createdAt: "asc" } });
  const tokenExchange = exchanges.find((exchange) => exchange.kind === "token")!;
  const issued = (JSON.parse(tokenExchange.responseBody!) as { access_token: string }).access_token;
  const resource = exchanges.find((exchange) => exchange.kind === "resource")!;
  const presented = (JSON.parse(resource.requestHeaders) as { authorization: string }).authorization.replace(/^Bearer /, "");
  expect(tokenJti(presented)).toBe(tokenJti(issued));

  await page.getByRole("button", { name: /^Step 5\./ }).click();
  const claims = page.getByRole("region", { name: "Access token claims" });
  await expect(claims.getByRole("row", { name: /^jti/ })).toContainText(tokenJti(issued));
  await expect(claims.getByRole("row", { name: /^sub/ })).toContainText("Whom the token is about");
});

test("no password, client secret or code in clear, in the records or on the page", async ({ page, testUser }) => {
  const code = await signInAtPrintShop(page, testUser);
  const flowId = await openInspector(page);

  const secrets = [testUser.password, "printshop-demo-secret", code];
  const stored = JSON.stringify(await database.protocolExchange.findMany());
  const links = JSON.stringify(await database.flowCorrelation.findMany({ where: { flowId } }));
  for (const secret of secrets) {
    expect(stored).not.toContain(secret);
    expect(links).not.toContain(secret);
  }
  for (let step = 1; step <= 7; step += 1) {
    await page.getByRole("button", { name: new RegExp(`^Step ${step}\\.`) }).click();
    const content = await page.content();
    for (const secret of secrets) expect(content).not.toContain(secret);
  }
  // The password was recorded, masked entirely.
  const signIn = await database.protocolExchange.findFirstOrThrow({ where: { flowId, kind: "sign-in" } });
  expect(JSON.parse(signIn.requestBody!)).toMatchObject({ username: testUser.username, password: "••••••••" });
});

test("two people signing in at the same moment each see only their own flow", async ({ browser }) => {
  const [first, second] = await Promise.all([registerTestUser(), registerTestUser()]);

  async function signInAlone(user: TestUser, openBrowser: Browser): Promise<string> {
    const context = await openBrowser.newContext();
    const page = await context.newPage();
    await signInAtPrintShop(page, user);
    const flowId = await openInspector(page);
    await context.close();
    return flowId;
  }
  const [firstFlow, secondFlow] = await Promise.all([signInAlone(first, browser), signInAlone(second, browser)]);

  expect(firstFlow).not.toBe(secondFlow);
  for (const [flowId, user, other] of [
    [firstFlow, first, second],
    [secondFlow, second, first],
  ] as const) {
    const signIns = await database.protocolExchange.findMany({ where: { flowId, kind: "sign-in" } });
    expect(signIns.map((exchange) => JSON.parse(exchange.requestBody!).username)).toEqual([user.username]);
    const everything = JSON.stringify(await database.protocolExchange.findMany({ where: { flowId } }));
    expect(everything).not.toContain(other.username);
  }
});

test("a flow can be downloaded as a Markdown handout with a Mermaid diagram", async ({ page, testUser }) => {
  await signInAtPrintShop(page, testUser);
  await openInspector(page);
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download as a Markdown handout" }).click();
  const handout = await (await download).createReadStream().then(async (stream) => {
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString("utf8");
  });
  expect(handout).toContain("```mermaid\nsequenceDiagram");
  for (let step = 1; step <= 7; step += 1) expect(handout).toMatch(new RegExp(`### ${step}\\. `));
  expect(handout).not.toContain("(did not happen)");
});

/** Signs a member in at PrintShop in a browser of their own; returns that browser's page. */
async function signedInElsewhere(browser: Browser, user: TestUser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInAtPrintShop(page, user);
  return page;
}

/** What the flow's page, its polling API and its handout answer in this browser. */
async function flowAsSeenBy(page: Page, flowId: string) {
  const shown = await page.goto(`${client}/inspector/${flowId}`);
  const heading = await page.getByRole("heading", { level: 1 }).textContent();
  const api = await page.request.get(`${client}/api/inspector/flows/${flowId}`);
  const handout = await page.request.get(`${client}/inspector/${flowId}/handout`);
  return { page: shown?.status(), heading, api: api.status(), handout: handout.status(), handoutText: await handout.text() };
}

// A flow holds a member's name, scopes and token claims, and its link may be passed around a room.
test("a flow's link shows nothing to a visitor who is not signed in, nor to another member", async ({ browser, page, testUser }) => {
  await signInAtPrintShop(page, testUser);
  const flowId = await openInspector(page);

  const visitor = await (await browser.newContext()).newPage();
  const other = await signedInElsewhere(browser, await registerTestUser());

  for (const stranger of [visitor, other]) {
    expect(await flowAsSeenBy(stranger, flowId)).toEqual({
      page: 404,
      heading: "This flow was not found",
      api: 404,
      handout: 404,
      handoutText: "No such flow, or it has expired.",
    });
  }
  // The member still sees it.
  expect(await flowAsSeenBy(page, flowId)).toMatchObject({ page: 200, heading: "How this worked", api: 200, handout: 200 });
});

test("no record, page or handout of a flow holds an access token with its signature", async ({ page, testUser }) => {
  await signInAtPrintShop(page, testUser);
  const flowId = await openInspector(page);
  const handout = await (await page.request.get(`${client}/inspector/${flowId}/handout`)).text();
  const stored = JSON.stringify(await database.protocolExchange.findMany({ where: { flowId } }));
  await page.getByRole("button", { name: /^Step 5\./ }).click();
  await expect(page.getByText("Signature removed: this record cannot be used as a token.")).toBeVisible();
  const shown = await page.content();

  // A JWT is three base64url parts, the first two starting with eyJ; cut, the third is empty.
  const jwts = (text: string) => text.match(/eyJ[\w-]+\.eyJ[\w-]+\.[\w-]*/g) ?? [];
  expect(jwts(handout).length).toBeGreaterThan(0);
  expect(jwts(stored).length).toBeGreaterThan(0);
  for (const token of [...jwts(handout), ...jwts(stored), ...jwts(shown)]) expect(token).toMatch(/\.$/);
  // Each still decodes: the claims are there to be read.
  expect(decodeJwt(jwts(handout)[0]!).iss).toBe(apps.authorizationServer.url);
});

test("an unknown flow id gets a clear not-found page", async ({ page }) => {
  const response = await page.goto(`${client}/inspector/no-such-flow`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "This flow was not found" })).toBeVisible();
});

test("on a 1280×720 projector, the four lanes and seven labels fit and do not overlap", async ({ page, testUser }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await signInAtPrintShop(page, testUser);
  await openInspector(page);

  const boxes = [
    ...(await page.getByRole("list", { name: "Lanes" }).getByRole("listitem").all()),
    ...(await page.getByRole("list", { name: "The seven steps" }).getByRole("listitem").locator("span.whitespace-nowrap").all()),
  ];
  expect(boxes).toHaveLength(11);
  const rectangles = await Promise.all(boxes.map((box) => box.boundingBox()));
  for (const rectangle of rectangles) {
    expect(rectangle).not.toBeNull();
    expect(rectangle!.x).toBeGreaterThanOrEqual(0);
    expect(rectangle!.x + rectangle!.width).toBeLessThanOrEqual(1280);
    expect(rectangle!.y + rectangle!.height).toBeLessThanOrEqual(720);
  }
  for (const [index, a] of rectangles.entries()) {
    for (const b of rectangles.slice(index + 1)) {
      const overlap = a!.x < b!.x + b!.width && b!.x < a!.x + a!.width && a!.y < b!.y + b!.height && b!.y < a!.y + a!.height;
      expect(overlap).toBe(false);
    }
  }
  await page.screenshot({ path: test.info().outputPath("inspector-1280x720.png") });
});

test("each step shows the checks that really ran on its request, in order, with the RFC and the file", async ({ page, testUser }) => {
  await signInAtPrintShop(page, testUser);
  await openInspector(page);
  const detail = (name: string) => page.getByRole("region", { name });

  // Step 1, as the authorization server checked it: the client first, PKCE among the rest.
  await page.getByRole("button", { name: /^Step 1\./ }).click();
  const authorize = detail("Step 1: Authorization request").getByRole("list", { name: "Checks on GET /authorize" }).last();
  await expect(authorize.getByRole("listitem").first()).toContainText("client_id names a registered client: passed");
  await expect(authorize.getByRole("listitem").first()).toContainText("RFC 6749 §4.1.2.1");
  await expect(authorize.getByRole("listitem").filter({ hasText: "a PKCE code_challenge with the S256 method" })).toContainText("RFC 7636 §4.4.1");

  // Step 4: the token request, with the PKCE verifier checked and every check passed.
  await page.getByRole("button", { name: /^Step 4\./ }).click();
  const tokenChecks = detail("Step 4: Access token request").getByRole("list", { name: "Checks on POST /token" });
  const verifier = tokenChecks.getByRole("listitem").filter({ hasText: "the code_verifier hashes to the code_challenge of step 1" });
  await expect(verifier).toContainText("RFC 7636 §4.6");
  await expect(verifier).toHaveAttribute("data-outcome", "passed");
  await expect(tokenChecks.locator("[data-outcome]:not([data-outcome=passed])")).toHaveCount(0);

  // Step 5 is the answer to step 4's request: it points there rather than repeat the list.
  await page.getByRole("button", { name: /^Step 5\./ }).click();
  await expect(detail("Step 5: Access token")).toContainText("This answer came after the authorization server checked the request of step 4");

  // Step 6: the API's checks of the access token.
  await page.getByRole("button", { name: /^Step 6\./ }).click();
  const apiChecks = detail("Step 6: Access resource").getByRole("list", { name: /^Checks on GET / }).first();
  await expect(apiChecks.getByRole("listitem").filter({ hasText: "the token's signature" })).toContainText("RFC 9068 §4");
  await expect(apiChecks.getByRole("listitem").filter({ hasText: "the token's scope covers what this request needs" })).toContainText("passed");

  // The file named is the one that does it.
  await apiChecks.getByRole("link", { name: "packages/protocol/src/resource-server/verify-access-token.ts" }).click();
  await expect(page.getByRole("heading", { name: "packages/protocol/src/resource-server/verify-access-token.ts" })).toBeVisible();
  await expect(page.getByText("export const checkAccessTokenJwt = defineCheck(")).toBeVisible();
});

test("in the lab, a wrong code_verifier is refused, and the inspector names the check that refused it", async ({ page, testUser }) => {
  // Signed in at PrintShop first: the lab's flow is then shown to this member.
  await signInAtPrintShop(page, testUser);
  await page.goto(`${client}/lab`);
  await page.getByRole("button", { name: "Next: send the authorization request" }).click();
  await page.getByRole("button", { name: "Allow" }).click();
  await expect(page.getByRole("heading", { name: "Step 3: Authorization code" })).toBeVisible();

  // Someone holds the code but not the verifier: the tab's verifier is replaced, and the page reloaded.
  await page.evaluate(() => {
    const run = JSON.parse(sessionStorage.getItem("printshop-lab")!) as { codeVerifier: string };
    sessionStorage.setItem("printshop-lab", JSON.stringify({ ...run, codeVerifier: "not-the-verifier-".repeat(3) }));
  });
  await page.reload();
  await page.getByRole("button", { name: "Next: exchange the code" }).click();
  await expect(page.getByText("invalid_grant").first()).toBeVisible();

  const refused = await database.protocolExchange.findFirstOrThrow({
    where: { kind: "token", status: 400, requestBody: { contains: '"client_id":"printshop-lab"' } },
    orderBy: { createdAt: "desc" },
  });
  await page.goto(`${client}/inspector/${refused.flowId}`);
  await page.getByRole("button", { name: /^Step 4\./ }).click();
  const checks = page.getByRole("region", { name: "Step 4: Access token request" }).getByRole("list", { name: "Checks on POST /token" });
  const last = checks.getByRole("listitem").last();
  await expect(last).toHaveAttribute("data-outcome", "refused");
  await expect(last).toContainText("the code_verifier hashes to the code_challenge of step 1: refused the request");
  await expect(last).toContainText("invalid_grant: The code_verifier does not match the code_challenge of the authorization request.");
  await expect(last.getByRole("link", { name: "RFC 7636 §4.6" })).toHaveAttribute("href", "https://www.rfc-editor.org/rfc/rfc7636#section-4.6");
  await expect(last.getByRole("link", { name: "apps/authorization-server/src/oauth/grants/authorization-code.ts" })).toBeVisible();
});

test("a code Mallory replays is drawn in a fifth lane, hers, and opens with the check that refused her", async ({ page, request, testUser }) => {
  const code = await signInAtPrintShop(page, testUser);
  await openInspector(page);
  await expect(page.getByRole("list", { name: "Lanes" }).getByRole("listitem")).toHaveCount(4);

  // Mallory, who saw the code go by, tries it at the token endpoint from her own server.
  const replay = await request.post(`${apps.authorizationServer.url}/token`, {
    headers: { "user-agent": malloryUserAgent },
    form: { grant_type: "authorization_code", code, client_id: "printshop", redirect_uri: `${client}/api/auth/callback/authorization-server` },
  });
  expect(replay.ok()).toBe(false);
  const { error } = (await replay.json()) as { error: string };

  // The page polls the flow: her lane appears last, and her message below the seven steps.
  await expect(page.getByRole("list", { name: "Lanes" }).getByRole("listitem")).toHaveText(["User", "Client", "Authorization Server", "Resource Server", "Attacker"]);
  await expect(page.getByRole("list", { name: "The seven steps" }).getByRole("button")).toHaveCount(7);
  const message = page
    .getByRole("list", { name: "Mallory's messages" })
    .getByRole("button", { name: `Mallory: POST /token to Authorization Server, ${replay.status()} ${error}` });
  await expect(message).toHaveAttribute("aria-pressed", "false");
  await message.click();
  await expect(message).toHaveAttribute("aria-pressed", "true");

  const detail = page.getByRole("region", { name: "Mallory's message: POST /token" });
  const refusal = detail.getByRole("list", { name: "Checks on POST /token" }).getByRole("listitem").last();
  await expect(refusal).toHaveAttribute("data-outcome", "refused");
  await expect(detail.getByRole("heading", { name: "Request: Attacker → Authorization Server" })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("inspector-mallory.png"), fullPage: true });
});
