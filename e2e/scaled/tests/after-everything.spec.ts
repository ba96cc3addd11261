// After every other test of the scaled stage, with two instances of each app writing to one
// PostgreSQL database at once: no operation left a row half-finished (fixtures/invariants.ts).
import { findHalfFinishedRows } from "../../fixtures/invariants.ts";
import { expect, test } from "../../fixtures/test.ts";

test("no half-finished row in the database after the whole scaled stage", async () => {
  expect(await findHalfFinishedRows()).toEqual([]);
});
