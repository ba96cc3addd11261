export * from "./cast.ts";
export * from "./alices-app.ts";
export * from "./photo-scopes.ts";
export * from "./weakenable-defences.ts";
export * from "./lab-attacks.ts";
