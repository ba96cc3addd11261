import { palettes, type Motif, type Palette } from "./look.ts";

function escapeXml(value: string): string {
  return value.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");
}

/** The shapes of each motif, in a 400×300 frame, drawn in the palette's middle and dark tones. */
function motifShapes(motif: Motif, middle: string, dark: string): string {
  switch (motif) {
    case "teacup":
      return `<path d="M130 120h130v60a65 65 0 0 1-130 0z" fill="${middle}"/><path d="M260 140a28 28 0 1 1 0 40" stroke="${dark}" stroke-width="10" fill="none"/><rect x="110" y="235" width="170" height="12" rx="6" fill="${dark}"/>`;
    case "clock":
      return `<circle cx="200" cy="150" r="90" fill="${middle}" stroke="${dark}" stroke-width="10"/><path d="M200 150V90M200 150l45 25" stroke="${dark}" stroke-width="10" stroke-linecap="round"/>`;
    case "flower":
      return `${[0, 72, 144, 216, 288].map((angle) => `<ellipse cx="200" cy="105" rx="28" ry="48" fill="${middle}" transform="rotate(${angle} 200 150)"/>`).join("")}<circle cx="200" cy="150" r="26" fill="${dark}"/>`;
    case "mirror":
      return `<ellipse cx="200" cy="145" rx="75" ry="100" fill="${middle}" stroke="${dark}" stroke-width="12"/><path d="M165 110l30-30M170 150l55-55" stroke="#ffffff" stroke-width="8" stroke-linecap="round" opacity="0.7"/>`;
    case "scaffold":
      return `<path d="M110 260V60M200 260V60M290 260V60M110 110h180M110 170h180M110 230h180M110 110l90 60M200 170l90 60" stroke="${dark}" stroke-width="9" fill="none"/><rect x="120" y="70" width="70" height="30" fill="${middle}"/>`;
    case "crane":
      return `<path d="M140 260V60h170M140 60l-40 40h40M300 60v90" stroke="${dark}" stroke-width="10" fill="none"/><rect x="280" y="150" width="40" height="30" fill="${middle}"/><rect x="100" y="255" width="220" height="10" fill="${dark}"/>`;
    case "bricks":
      return [0, 1, 2, 3]
        .flatMap((row) =>
          [0, 1, 2].map((column) => {
            const x = 95 + column * 72 + (row % 2) * 36;
            return `<rect x="${x}" y="${90 + row * 40}" width="66" height="34" rx="3" fill="${(row + column) % 2 ? middle : dark}"/>`;
          }),
        )
        .join("");
    case "sun":
      return `<circle cx="200" cy="150" r="60" fill="${middle}"/>${[0, 45, 90, 135, 180, 225, 270, 315].map((angle) => `<path d="M200 60v-25" stroke="${dark}" stroke-width="10" stroke-linecap="round" transform="rotate(${angle} 200 150)"/>`).join("")}`;
  }
}

/**
 * The picture of a photo, as an SVG document with its title as the accessible name.
 */
export function drawPicture(photo: { title: string; motif: Motif; palette: Palette }): string {
  const [light, middle, dark] = palettes[photo.palette];
  const title = escapeXml(photo.title);
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 300" width="400" height="300" role="img" aria-label="${title}"><title>${title}</title><rect width="400" height="300" fill="${light}"/>${motifShapes(photo.motif, middle, dark)}</svg>`;
}
