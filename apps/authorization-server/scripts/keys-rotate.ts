// `npm run keys:rotate`: a new signing key becomes current; the old one stays published until
// every token it signed has expired. The running apps need no restart.
//
// package.json runs it under Node's react-server condition, as Next.js runs the server: there the
// `server-only` marker of the data modules it uses is an empty module.
import { rotateSigningKey } from "@/oauth/tokens/signing-keys";

const { kid, retired, publishedUntil } = await rotateSigningKey();
console.info(`New signing key: ${kid}`);
for (const old of retired) {
  console.info(`Retired: ${old}, still published until ${publishedUntil.toISOString()} for the tokens it signed.`);
}
console.info("The authorization server signs with the new key within 5 seconds; resource servers fetch it on first sight.");
