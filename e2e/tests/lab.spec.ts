// The step-through lab: the seven steps by hand, as a public client with PKCE, in the browser; and
// the same with step 0 (RFC 9728), PAR (RFC 9126) and DPoP (RFC 9449).
import { linkKey } from "@seven-steps/inspector";
import { randomUUID } from "node:crypto";
import { apps } from "../apps.ts";
import { database } from "../fixtures/database.ts";
import { expect, signInAs, test } from "../fixtures/test.ts";

const lab = `${apps.client.url}/lab`;

test("the step-through lab completes all seven steps, and the inspector recorded them", async ({ page, testUser }) => {
  await page.goto(lab);
  await expect(page.getByRole("heading", { name: "Step 1: Authorization request" })).toBeVisible();
  await expect(page.getByText("code_challenge_method").first()).toBeVisible();
  await page.getByRole("button", { name: "Next: send the authorization request" }).click();

  // Step 2 happens at the authorization server.
  await signInAs(page, testUser.username, testUser.password);
  await expect(page.getByRole("heading", { name: "PrintShop Lab wants to access your PhotoCloud account" })).toBeVisible();
  await page.getByRole("button", { name: "Allow" }).click();

  // Step 3: back at the lab, with the code, and its state and issuer checked.
  await expect(page).toHaveURL(/\/lab\/callback\?code=/);
  const code = new URL(page.url()).searchParams.get("code")!;
  await expect(page.getByRole("heading", { name: "Step 3: Authorization code" })).toBeVisible();
  await page.getByRole("button", { name: "Next: exchange the code" }).click();

  await expect(page.getByRole("heading", { name: "Step 5: Access token" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Step 6: Access resource" })).toBeVisible();
  await expect(page.getByText(`curl -i '${apps.resourceApi.url}/photos'`).first()).toBeVisible();
  await page.getByRole("button", { name: "Next: call the API" }).click();

  await expect(page.getByRole("heading", { name: "Step 7: Resource delivery" })).toBeVisible();
  for (const title of testUser.photoTitles) await expect(page.getByText(title).first()).toBeVisible();

  // The lab's flow, as the authorization server and the API recorded it, has all seven steps. It
  // is found by this test's own code: other tests run the lab client at the same time.
  const { flowId } = await database.flowCorrelation.findFirstOrThrow({ where: { key: linkKey("code", code) } });
  const exchanges = await database.protocolExchange.findMany({ where: { flowId } });
  const steps = new Set(exchanges.flatMap((exchange) => exchange.steps.split(",").map(Number)));
  expect([...steps].sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
});

test.describe("the lab as OAuth is used in 2026", () => {
  // The inspector links step 0 to the flow that follows by a guess: the same browser, by address
  // and User-Agent. A User-Agent of this test's own keeps the tests running beside it out of it.
  test.use({ userAgent: `Mozilla/5.0 (seven-steps lab test ${randomUUID()})` });

  test("the lab runs step 0 to step 7 with PAR and DPoP, a replayed token is refused, and the inspector shows the proofs and step 0", async ({
    page,
    testUser,
  }) => {
    // Signed in at PrintShop first: the lab's flow is then shown to this member.
    await page.goto(apps.client.url);
    await page.getByRole("button", { name: "Sign in with PhotoCloud" }).click();
    await signInAs(page, testUser.username, testUser.password);
    await page.getByRole("button", { name: "Allow" }).click();
    await expect(page.getByRole("heading", { name: `${testUser.name}'s photos` })).toBeVisible();

    // Step 0: from the API's 401 to its metadata, then to the authorization server's.
    await page.goto(lab);
    await page.getByRole("button", { name: "Begin with step 0" }).click();
    await expect(page.getByText(`curl -i '${apps.resourceApi.url}/photos'`).first()).toBeVisible();
    await page.getByRole("button", { name: "Next: call the API without a token" }).click();
    const resourceMetadataUrl = `${apps.resourceApi.url}/.well-known/oauth-protected-resource`;
    await expect(page.getByText(`The challenge names the API's metadata: resource_metadata="${resourceMetadataUrl}".`)).toBeVisible();
    await page.getByRole("button", { name: "Next: fetch the API's metadata" }).click();
    await expect(page.getByText(`It describes ${apps.resourceApi.url}, the API the lab called`)).toBeVisible();
    await page.getByRole("button", { name: "Next: fetch the authorization server's metadata" }).click();
    await expect(page.getByText(/It is the issuer the API named\. The lab now uses its endpoints: .*pushed_authorization_request_endpoint/)).toBeVisible();

    // Step 1, pushed (RFC 9126), with resource and dpop_jkt; then the browser carries only the reference.
    await page.getByRole("radio", { name: /^Pushed first/ }).check();
    const step1 = page.getByRole("region", { name: "Step 1: Authorization request" });
    await expect(step1.getByRole("row", { name: /^resource / })).toContainText(apps.resourceApi.url);
    await expect(step1.getByRole("row", { name: /^dpop_jkt / })).toBeVisible();
    await page.getByRole("button", { name: "Next: push the authorization request" }).click();
    await expect(step1.getByText("HTTP 201")).toBeVisible();
    await expect(step1.getByRole("row", { name: /^request_uri / })).toContainText("urn:ietf:params:oauth:request_uri:");
    await page.getByRole("button", { name: "Next: send the authorization request" }).click();
    await page.getByRole("button", { name: "Allow" }).click();
    await expect(page).toHaveURL(/\/lab\/callback\?code=/);
    const code = new URL(page.url()).searchParams.get("code")!;

    // Steps 4 and 5: a proof with the token request, and a token bound to this tab's key.
    await page.getByRole("button", { name: "Next: exchange the code" }).click();
    await expect(page.getByRole("heading", { name: "Step 5: Access token" })).toBeVisible();
    await expect(page.getByText(/token_type DPoP: the token is bound to a key, by the claim cnf\.jkt = .*, the thumbprint of this tab's key\./)).toBeVisible();

    // Steps 6 and 7: the token under DPoP with a proof carrying ath, and the API's nonce.
    await page.getByRole("button", { name: "Next: call the API" }).click();
    await expect(page.getByRole("heading", { name: "Step 7: Resource delivery" })).toBeVisible();
    for (const title of testUser.photoTitles) await expect(page.getByText(title).first()).toBeVisible();
    const step6 = page.getByRole("region", { name: "Step 6: Access resource" });
    await step6.getByText("Show the request").click();
    await expect(step6.getByRole("heading", { name: "Second try, with the nonce" })).toBeVisible();
    const apiProof = step6.getByRole("region", { name: "DPoP proof claims" }).last();
    await expect(apiProof.getByRole("row", { name: /^htu / })).toContainText(`${apps.resourceApi.url}/photos`);
    await expect(apiProof.getByRole("row", { name: /^ath / })).toBeVisible();
    await expect(apiProof.getByRole("row", { name: /^nonce / })).toBeVisible();

    // The token without its key: as Bearer, and with another key's proof. Both refused.
    await page.getByRole("button", { name: "Replay this token without its key" }).click();
    const replay = page.getByRole("region", { name: "What a stolen token is worth" });
    await expect(replay.getByText("HTTP 401")).toHaveCount(2);
    await expect(replay.getByText(/^DPoP .*error="invalid_token"/).first()).toBeVisible();
    await expect(replay.getByText(/^DPoP .*error="(invalid_token|invalid_dpop_proof)"/)).toHaveCount(2);

    // The inspector: step 0 before the seven, linked by a guess, and every proof decoded.
    const { flowId } = await database.flowCorrelation.findFirstOrThrow({ where: { key: linkKey("code", code) } });
    await page.goto(`${apps.client.url}/inspector/${flowId}`);
    await expect(page.getByRole("status")).toContainText("7 of 7 steps recorded, and step 0 before them");
    await page.getByRole("button", { name: /^Step 0\. Discovery/ }).click();
    const step0 = page.getByRole("region", { name: "Step 0: Discovery" });
    await expect(step0.getByText("Linked by a guess.")).toBeVisible();
    await expect(step0.getByRole("article", { name: "GET /photos" })).toContainText("Response: 401");
    await expect(step0.getByRole("article", { name: "GET /.well-known/oauth-protected-resource" })).toBeVisible();
    await expect(step0.getByRole("article", { name: "GET /.well-known/oauth-authorization-server" })).toBeVisible();

    await page.getByRole("button", { name: /^Step 1\./ }).click();
    await expect(page.getByRole("region", { name: "Step 1: Authorization request" }).getByRole("article", { name: "POST /par" })).toBeVisible();

    await page.getByRole("button", { name: /^Step 4\./ }).click();
    const tokenProof = page.getByRole("region", { name: "Step 4: Access token request" }).getByRole("region", { name: "DPoP proof claims" }).first();
    await expect(tokenProof.getByRole("row", { name: /^htm / })).toContainText("POST");
    await expect(tokenProof.getByRole("row", { name: /^htu / })).toContainText(`${apps.authorizationServer.url}/token`);

    await page.getByRole("button", { name: /^Step 6\./ }).click();
    const resourceProof = page.getByRole("region", { name: "Step 6: Access resource" }).getByRole("region", { name: "DPoP proof claims" }).first();
    await expect(resourceProof.getByRole("row", { name: /^ath / })).toBeVisible();
  });
});
