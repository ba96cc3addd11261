import { describe, expect, it } from "vitest";
import { cachedUntilFailure } from "./cached-until-failure.ts";

/** A load that fails while `down` is true, and counts its runs. */
function counter() {
  const state = { runs: 0, down: false };
  const load = async () => {
    state.runs += 1;
    if (state.down) throw new Error(`run ${state.runs} failed`);
    return `value of run ${state.runs}`;
  };
  return { state, load };
}

describe("cachedUntilFailure", () => {
  it("runs the load once and gives every caller its value", async () => {
    const { state, load } = counter();
    const cached = cachedUntilFailure(load);
    expect(await Promise.all([cached(), cached(), cached()])).toEqual(["value of run 1", "value of run 1", "value of run 1"]);
    expect(await cached()).toBe("value of run 1");
    expect(state.runs).toBe(1);
  });

  it("gives the failure to the callers that waited for it, then runs the load again", async () => {
    const { state, load } = counter();
    state.down = true;
    const cached = cachedUntilFailure(load);
    const together = await Promise.allSettled([cached(), cached()]);
    expect(together.map((result) => result.status)).toEqual(["rejected", "rejected"]);
    expect(state.runs).toBe(1);

    await expect(cached()).rejects.toThrow("run 2 failed");
    state.down = false;
    expect(await cached()).toBe("value of run 3");
    expect(await cached()).toBe("value of run 3");
    expect(state.runs).toBe(3);
  });
});
