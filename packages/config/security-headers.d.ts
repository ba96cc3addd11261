export interface SecurityHeaderOptions {
  development: boolean;
  connectSources?: string[];
  /** Drops frame-ancestors and X-Frame-Options: only for the attack lab's one weakened page. */
  allowFraming?: boolean;
}
export function contentSecurityPolicy(options: SecurityHeaderOptions): string;
export function securityHeaders(options: SecurityHeaderOptions): { key: string; value: string }[];
