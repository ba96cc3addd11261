/** Why `port` cannot be used (on `host`, or on every interface), or null when it is free. */
export function findPortProblem(port: number, host?: string): Promise<string | null>;

/** True when something accepts connections on the port at `host` (localhost by default). */
export function isListening(port: number, host?: string): Promise<boolean>;
