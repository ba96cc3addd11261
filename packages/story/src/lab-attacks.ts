/**
 * The attacks of the attack lab (apps/attacker), in the order of its page: the one place their
 * ids, numbers and titles are written. Each attack's module in apps/attacker/src/attacks takes
 * these three from here ({@link labAttack}) and adds what the card tells and the code that runs
 * it; the lab's catalogue refuses to start when a module and this list disagree. Whatever else
 * names an attack (the presenter's demo, `npm run demo -- --attack <id>`) reads this list.
 */
export const labAttacks = [
  { id: "stolen-code", number: 1, title: "A stolen authorization code, redeemed without the PKCE verifier" },
  { id: "code-injection", number: 2, title: "Code injection: Mallory's own code pushed into alice's browser" },
  { id: "redirect-uri", number: 3, title: "redirect_uri manipulation, to catch the code" },
  { id: "open-redirector", number: 4, title: "The authorization server as an open redirector" },
  { id: "code-replay", number: 5, title: "Code replay: a used authorization code, redeemed again" },
  { id: "refresh-token-replay", number: 6, title: "A stolen refresh token, replayed" },
  { id: "stolen-access-token", number: 7, title: "A stolen access token, replayed from Mallory's machine" },
  { id: "token-for-another-api", number: 8, title: "A token meant for Mallory's API, replayed at the PhotoCloud API" },
  { id: "clickjacking", number: 9, title: "Clickjacking the consent screen" },
  { id: "look-alike-client", number: 10, title: "Consent phishing with a look-alike client" },
  { id: "forged-tokens", number: 11, title: "Forged tokens at the resource API" },
  { id: "mix-up", number: 12, title: "Mix-up: a second authorization server, Mallory's" },
  { id: "refresh-scope-escalation", number: 13, title: "Scope escalation at refresh" },
] as const satisfies readonly LabAttack[];

export interface LabAttack {
  /** The attack's name in addresses: the card's anchor (`#attack-<id>`), Mallory's API paths. */
  id: string;
  /** Its place on the page, from 1: its number in issue 18's list. */
  number: number;
  /** What the page calls it, after its number. */
  title: string;
}

export type LabAttackId = (typeof labAttacks)[number]["id"];

export function isLabAttackId(value: string): value is LabAttackId {
  return labAttacks.some((attack) => attack.id === value);
}

/** The id, number and title of one attack of the lab, for its module to spread into its card. */
export function labAttack(id: LabAttackId): LabAttack {
  const attack = labAttacks.find((candidate) => candidate.id === id);
  if (!attack) throw new Error(`"${id}" is no attack of the lab (packages/story/src/lab-attacks.ts).`);
  return attack;
}
