import { allPhotoScopes, photoScopes } from "@seven-steps/story";
import { registrationFormState } from "@/oauth/registration/form";
import { registrationIsOpen } from "@/oauth/registration/initial-access-token";
import { RegistrationForm } from "./registration-form";

/**
 * The registration form of Dynamic Client Registration (RFC 7591), for a person. It posts to
 * /developers/register, which registers through the same code as POST /register; a refused
 * registration comes back here with the error and the values that were typed.
 *
 * @see https://www.rfc-editor.org/rfc/rfc7591#section-3
 */
export default async function DevelopersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { values, error } = registrationFormState(await searchParams);

  return (
    <RegistrationForm
      values={values}
      error={error}
      scopes={allPhotoScopes.map((scope) => ({ scope, consentText: photoScopes[scope].consentText }))}
      asksForInitialAccessToken={!registrationIsOpen()}
    />
  );
}
