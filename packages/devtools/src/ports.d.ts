/** Why `port` cannot be used, or null when it is free. */
export function findPortProblem(port: number): Promise<string | null>;
