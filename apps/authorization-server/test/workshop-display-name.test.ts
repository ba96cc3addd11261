// The rules of a workshop display name (src/workshop/display-name.ts), and the username made from it.
import { describe, expect, it } from "vitest";
import { abusiveWords, checkDisplayName, foldDisplayName, isAbusive, usernameBaseOf } from "@/workshop/display-name";

describe("a display name", () => {
  it.each([
    ["Ada Lovelace", "Ada Lovelace"],
    ["  Ada \t  Lovelace  ", "Ada Lovelace"],
    ["Zoë O'Brien", "Zoë O'Brien"],
    ["👩‍💻 Grace", "👩‍💻 Grace"],
    ["李小龍", "李小龍"],
    ["R2-D2 (the droid)", "R2-D2 (the droid)"],
    ["x", "x"],
    ["🦊".repeat(40), "🦊".repeat(40)],
    // Line breaks are white space, made one space like any other.
    ["Ada\nLovelace", "Ada Lovelace"],
    ["Ada\u2028Lovelace", "Ada Lovelace"],
  ])("%j is accepted as %j", (typed, stored) => {
    expect(checkDisplayName(typed)).toEqual({ displayName: stored });
  });

  it.each([
    ["", "empty"],
    ["  \t ", "empty"],
    ["A".repeat(41), "too-long"],
    ["🦊".repeat(41), "too-long"],
    ["Ada\u0000", "unprintable"],
    ["Ada\u202Eecalevol", "unprintable"],
    ["Ada\u200BLovelace", "unprintable"],
    ["Shit happens", "abusive"],
  ])("%j is refused: %s", (typed, refusal) => {
    expect(checkDisplayName(typed)).toEqual({ refusal });
  });

  it("is compared folded: case, spacing and compatibility forms do not make another name", () => {
    expect(foldDisplayName("  ADA   Lovelace ")).toBe("ada lovelace");
    expect(foldDisplayName("Ａｄａ")).toBe(foldDisplayName("ada"));
    expect(foldDisplayName("Ada-Lovelace")).not.toBe(foldDisplayName("Ada Lovelace"));
  });
});

describe("the word list", () => {
  it("refuses each of its words, alone and in a name", () => {
    for (const word of abusiveWords) {
      expect(isAbusive(word), word).toBe(true);
      expect(isAbusive(`Captain ${word[0]!.toUpperCase()}${word.slice(1)}`), word).toBe(true);
    }
  });

  it.each(["F.U.C.K", "f u c k", "sh1t", "$hit", "BITCHES", "fucking", "Shithead", "Bästard"])("refuses the variant %j", (name) => {
    expect(isAbusive(name)).toBe(true);
  });

  it.each(["Scunthorpe", "Cassandra", "Dick Grayson", "Arsène Wenger", "Grape Escape", "Nazira", "Shitake Mushroom", "Hancock"])(
    "lets %j pass: whole words only, and names that are also words are left out",
    (name) => {
      expect(isAbusive(name)).toBe(false);
    },
  );
});

describe("the username made from a display name", () => {
  it.each([
    ["Ada Lovelace", "ada-lovelace"],
    ["Zoë O'Brien", "zoe-o-brien"],
    ["  --Grace--Hopper--  ", "grace-hopper"],
    ["👩‍💻 Grace", "grace"],
    ["李小龍", "attendee"],
    ["A very long display name for a username", "a-very-long-display-name-for-a"],
    ["Thirty characters exactly here now", "thirty-characters-exactly-here"],
  ])("of %j is %j", (displayName, username) => {
    expect(usernameBaseOf(displayName)).toBe(username);
  });

  it("is lower-case ASCII letters, digits and single hyphens, at most 30 characters", () => {
    for (const name of ["ÅNGSTRÖM", "a_b.c@d", "x".repeat(60), "1 2 3"]) {
      expect(usernameBaseOf(name)).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(usernameBaseOf(name).length).toBeLessThanOrEqual(30);
    }
  });
});
