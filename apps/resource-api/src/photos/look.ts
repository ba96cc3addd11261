/**
 * What a photo looks like. The API draws every picture itself, as an SVG, from a motif and a
 * palette: no image files to ship, and nothing for a user to upload.
 */
export const palettes = {
  rose: ["#fce7f3", "#f472b6", "#9d174d"],
  sky: ["#e0f2fe", "#38bdf8", "#075985"],
  crimson: ["#fee2e2", "#ef4444", "#7f1d1d"],
  violet: ["#ede9fe", "#a78bfa", "#4c1d95"],
  amber: ["#fef3c7", "#f59e0b", "#78350f"],
  teal: ["#ccfbf1", "#14b8a6", "#134e4a"],
  terracotta: ["#ffedd5", "#ea580c", "#7c2d12"],
} as const;

export type Palette = keyof typeof palettes;
export const paletteNames = Object.keys(palettes) as [Palette, ...Palette[]];

export const motifs = ["teacup", "clock", "flower", "mirror", "scaffold", "crane", "bricks", "sun"] as const;
export type Motif = (typeof motifs)[number];
