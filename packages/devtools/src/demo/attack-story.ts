// `--attack <name>`: one attack of the attack lab, played as a learner plays it on Mallory's lab
// page, with the fresh member as the victim where the attack needs one.
import { flowHandout, type Flow } from "@seven-steps/inspector";
import type { Page } from "playwright-core";
import type { AttackName } from "./arguments.ts";
import type { Director } from "./director.ts";
import type { DemoMember } from "./sign-in-story.ts";
import type { Stage } from "./stage.ts";

/** Runs can take a while: Mallory's server redeems, replays and waits for the apps' records. */
const verdictTimeoutMilliseconds = 45_000;

/** The victim's part, in the tab the run opens: sign in at PhotoCloud if asked, and allow. */
async function playVictim(director: Director, tab: Page, member: DemoMember, attack: AttackName): Promise<void> {
  const closed = tab.waitForEvent("close", { timeout: verdictTimeoutMilliseconds });
  const username = tab.getByLabel("Username");
  const allow = tab.getByRole("button", { name: "Allow", exact: true });
  const next = () => Promise.race([closed.then(() => "closed" as const), username.or(allow).first().waitFor().then(() => "page" as const)]);
  if ((await next()) === "closed") return;
  await director.beat(
    {
      heading: `Attack ${attack.number} · ${member.name} plays the victim`,
      sentence: "In this tab the member uses their own app, as they would any day: they sign in at PhotoCloud and allow. Mallory waits for what leaks.",
    },
    { page: tab },
  );
  if (await username.isVisible()) {
    await username.pressSequentially(member.username, { delay: director.typingDelay });
    await tab.getByLabel("Password").pressSequentially(member.password, { delay: director.typingDelay });
    await tab.getByRole("button", { name: "Sign in", exact: true }).click();
    if ((await next()) === "closed") return;
  }
  await director.breathe(tab);
  await allow.click();
  await closed;
}

/** Plays the attack to its verdict; answers the run's Markdown handout, from the apps' records of it. */
export async function playAttack(director: Director, stage: Stage, attackerUrl: string, member: DemoMember, attack: AttackName): Promise<string> {
  const { flow } = stage;
  await flow.goto(attackerUrl);
  const card = flow.getByRole("article", { name: new RegExp(`^${attack.number}\\. `) });
  await card.scrollIntoViewIfNeeded();
  const [wants, has] = await Promise.all([card.locator("dd").nth(0).innerText(), card.locator("dd").nth(1).innerText()]);
  await director.beat({ heading: `Attack ${attack.number} · ${attack.title}`, sentence: `Mallory wants: ${wants} She already has: ${has}` }, { still: "story" });

  const needsVictim = (await card.getByText("This attack needs a victim").count()) > 0;
  const victimTab = needsVictim ? stage.context.waitForEvent("page") : undefined;
  await director.beat({ heading: `Attack ${attack.number} · Run it`, sentence: "Mallory attacks the real apps now: nothing here is simulated." });
  await card.getByRole("button", { name: "Run it", exact: true }).click();
  if (victimTab) await playVictim(director, await victimTab, member, attack);

  const outcome = card.getByRole("region", { name: "Outcome" });
  const verdict = outcome.locator("[data-verdict]");
  await verdict.waitFor({ timeout: verdictTimeoutMilliseconds });
  await verdict.scrollIntoViewIfNeeded();
  // A refusal names its check once the apps' records of the run are read; any other verdict says what happened.
  const refused = (await verdict.getAttribute("data-verdict")) === "refused";
  const [why, where] = refused
    ? (await card.getByRole("region", { name: "Refused by" }).innerText({ timeout: verdictTimeoutMilliseconds }))
        .split("\n")
        .slice(1)
        .filter((line) => line.trim() !== "")
        .filter((_, index, lines) => index === 0 || index === lines.length - 1)
    : [await verdict.locator("p").first().innerText()];
  await director.beat({ heading: await verdict.locator("h3").innerText(), sentence: why!, address: where }, { still: "outcome" });

  await card.getByRole("region", { name: "Inspector of this run" }).scrollIntoViewIfNeeded();
  await director.beat(
    { heading: `Attack ${attack.number} · In the inspector`, sentence: "Every message of the run, Mallory's in a lane of her own, with the check that refused her." },
    { still: "inspector" },
  );

  // The run's id is what lets the learner's page read the apps' records of it (apps/attacker's /api/runs/<id>).
  const runId = await outcome.getAttribute("data-run-id");
  const records = await flow.request.get(`${attackerUrl}/api/runs/${encodeURIComponent(runId ?? "")}`);
  if (!records.ok()) throw new Error(`Mallory's app gave no records of the run (${records.status()}).`);
  return flowHandout((await records.json()) as Flow);
}
