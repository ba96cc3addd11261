/** Node.js flags for the apps' production servers. */
export const productionServerFlags: string[];
