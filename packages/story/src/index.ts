export * from "./cast.ts";
export * from "./photo-scopes.ts";
