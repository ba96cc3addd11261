// The step-through lab: the seven steps by hand, as a public client with PKCE, in the browser.
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
  await expect(page.getByRole("heading", { name: "Step 3: Authorization code" })).toBeVisible();
  await page.getByRole("button", { name: "Next: exchange the code" }).click();

  await expect(page.getByRole("heading", { name: "Step 5: Access token" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Step 6: Access resource" })).toBeVisible();
  await expect(page.getByText(`curl -i '${apps.resourceApi.url}/photos'`).first()).toBeVisible();
  await page.getByRole("button", { name: "Next: call the API" }).click();

  await expect(page.getByRole("heading", { name: "Step 7: Resource delivery" })).toBeVisible();
  for (const title of testUser.photoTitles) await expect(page.getByText(title).first()).toBeVisible();

  // The lab's flow, as the authorization server and the API recorded it, has all seven steps.
  const token = await database.protocolExchange.findFirstOrThrow({
    where: { kind: "token", requestBody: { contains: '"client_id":"printshop-lab"' } },
    orderBy: { createdAt: "desc" },
  });
  const exchanges = await database.protocolExchange.findMany({ where: { flowId: token.flowId } });
  const steps = new Set(exchanges.flatMap((exchange) => exchange.steps.split(",").map(Number)));
  expect([...steps].sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
});
