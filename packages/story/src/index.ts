export * from "./cast.ts";
export * from "./photo-scopes.ts";
export * from "./weakenable-defences.ts";
