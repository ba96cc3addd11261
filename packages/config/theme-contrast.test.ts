// The shared theme's promise (tailwind/theme.css): every colour pair meets WCAG 2.1 AA where it is
// meant to be used, in the light theme and in the dark one. axe checks the pages the e2e tests
// reach; this checks the pairs themselves, so that a page no test opens (or none yet) is safe too.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const css = readFileSync(new URL("./tailwind/theme.css", import.meta.url), "utf8");

/** `--color-NAME` of a block (the @theme block, or the presenter's), as [light, dark]. */
function colours(block: string): Map<string, [string, string]> {
  const found = new Map<string, [string, string]>();
  for (const [, name, value] of block.matchAll(/--color-([\w-]+):\s*([^;]+);/g)) {
    const pair = /^light-dark\((#\w+),\s*(#\w+)\)$/.exec(value!.trim());
    found.set(name!, pair ? [pair[1]!, pair[2]!] : [value!.trim(), value!.trim()]);
  }
  return found;
}

const theme = colours(css.slice(css.indexOf("@theme"), css.indexOf("@layer base")));
const presenter = colours(css.slice(css.indexOf("@utility presenter")));

/** WCAG 2.1's contrast ratio of two #rrggbb colours. */
function contrast(first: string, second: string): number {
  const luminance = (hex: string) => {
    const [red, green, blue] = [1, 3, 5].map((at) => {
      const channel = parseInt(hex.slice(at, at + 2), 16) / 255;
      return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * red! + 0.7152 * green! + 0.0722 * blue!;
  };
  const [lighter, darker] = [luminance(first), luminance(second)].sort((a, b) => b - a);
  return (lighter! + 0.05) / (darker! + 0.05);
}

function colour(name: string, theme_: Map<string, [string, string]> = theme): [string, string] {
  const pair = theme_.get(name);
  if (!pair) throw new Error(`theme.css has no --color-${name}`);
  return pair;
}

const roles = ["user", "client", "authorization-server", "resource-server", "attacker"].map((role) => `role-${role}`);
const statuses = ["pass", "fail", "warn"];
const backgrounds = ["paper", "surface", "sunken", ...[...roles, ...statuses].map((name) => `${name}-soft`)];

/** Each text colour, and the backgrounds it is meant to be read on. */
const textOn: [text: string, on: string[]][] = [
  ["ink", backgrounds],
  ["muted", backgrounds],
  ...[...roles, ...statuses].map((name): [string, string[]] => [name, ["paper", "surface", `${name}-soft`]]),
  ["paper", ["ink"]],
];

describe("the shared theme's colours meet WCAG 2.1 AA (4.5:1 for text)", () => {
  for (const [index, themeName] of ["light", "dark"].entries()) {
    it(`in the ${themeName} theme: text on the backgrounds it is used on`, () => {
      const short = textOn.flatMap(([text, on]) =>
        on
          .map((background) => ({ text, background, ratio: contrast(colour(text)[index]!, colour(background)[index]!) }))
          .filter(({ ratio }) => ratio < 4.5),
      );
      expect(short).toEqual([]);
    });

    it(`in the ${themeName} theme: white on every filled badge and button`, () => {
      const fills = [...roles, "pass", "fail"].map((name) => `${name}-solid`).concat("weakened");
      for (const fill of fills) expect(contrast("#ffffff", colour(fill)[index]!), fill).toBeGreaterThanOrEqual(4.5);
    });

    it(`in the ${themeName} theme: the presenter view's secondary text is stronger than the page's`, () => {
      for (const background of ["paper", "surface", "sunken"]) {
        const page = contrast(colour("muted")[index]!, colour(background)[index]!);
        const projected = contrast(colour("muted", presenter)[index]!, colour(background)[index]!);
        expect(projected, background).toBeGreaterThan(page);
      }
    });
  }
});
