/** The variables that hold the addresses an app is reached at; each app has some of them. */
export const publicUrlVariables = ["ISSUER", "AUTHORIZATION_SERVER_ISSUER", "CLIENT_APP_URL", "RESOURCE_API_URL", "ATTACKER_URL"] as const;

export type PublicUrls = Partial<Record<(typeof publicUrlVariables)[number], string>>;

/** Each public URL of a parsed configuration, with the variable it came from. */
export function publicUrlsOf(configuration: PublicUrls): { variable: string; url: URL }[] {
  return publicUrlVariables.flatMap((variable) => {
    const value = configuration[variable];
    return value === undefined ? [] : [{ variable, url: new URL(value) }];
  });
}

/** `localhost`, a name under it (RFC 6761 §6.3), or a loopback address (127.0.0.0/8, ::1). */
export function isLoopbackHost(hostname: string): boolean {
  return hostname === "localhost" || hostname.endsWith(".localhost") || /^127(\.\d{1,3}){3}$/.test(hostname) || hostname === "[::1]";
}
