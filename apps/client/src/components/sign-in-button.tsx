"use client";

import { getCsrfToken } from "next-auth/react";
import { useEffect, useState } from "react";

/**
 * Starts step 1: a form posted to next-auth's sign-in route, which answers with a redirect to
 * PhotoCloud's authorization endpoint.
 *
 * next-auth accepts the post only with its CSRF token (a double-submit cookie). The token is
 * fetched as soon as the button is shown, and the button is enabled once it is there, so pressing
 * it costs one request. next-auth's `signIn()` would fetch the provider list and the token only
 * then, three requests in a row (about 90 ms on the benchmark's machine).
 */
export function SignInButton({ label = "Sign in with PhotoCloud" }: { label?: string }) {
  const [csrfToken, setCsrfToken] = useState<string>();
  useEffect(() => {
    let shown = true;
    void getCsrfToken().then((token) => {
      if (shown) setCsrfToken(token);
    });
    return () => {
      shown = false;
    };
  }, []);

  return (
    <form method="post" action="/api/auth/signin/authorization-server">
      <input type="hidden" name="csrfToken" value={csrfToken ?? ""} />
      <input type="hidden" name="callbackUrl" value="/photos" />
      <button
        type="submit"
        disabled={!csrfToken}
        className="rounded-lg bg-role-client-solid px-6 py-3 text-xl font-semibold text-white hover:opacity-90 disabled:opacity-60"
      >
        {label}
      </button>
    </form>
  );
}
