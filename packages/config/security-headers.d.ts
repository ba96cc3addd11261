export interface SecurityHeaderOptions {
  development: boolean;
  connectSources?: string[];
}
export function contentSecurityPolicy(options: SecurityHeaderOptions): string;
export function securityHeaders(options: SecurityHeaderOptions): { key: string; value: string }[];
