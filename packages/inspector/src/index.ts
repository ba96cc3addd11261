export * from "./flows.ts";
export * from "./forget.ts";
export * from "./fingerprint.ts";
export * from "./discovery.ts";
export * from "./mask.ts";
export type { ExchangeKind, FlowLinks, RecordingApp } from "./recorder.ts";
export * from "./handout.ts";
export * from "./sender.ts";
