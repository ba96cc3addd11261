/**
 * The display name an attendee picks when they join: shown on the instructor's dashboard, in the
 * room, on a projector. So it is checked before anything is stored, by the rules below, in this
 * order; each refusal has a message the join form shows next to the field. Whether the name is
 * taken in the room is the one rule that needs the database (join.ts asks it, and the database's
 * unique index on the folded name settles two joins at the same moment).
 */

export const displayNameMaxLength = 40;

export type DisplayNameRefusal = "empty" | "too-long" | "unprintable" | "abusive";

/** What each refusal says on the form. */
export const displayNameRefusals: Record<DisplayNameRefusal | "taken", string> = {
  empty: "Enter a display name: it is how the instructor sees you in the room.",
  "too-long": `A display name is at most ${displayNameMaxLength} characters.`,
  unprintable: "A display name can hold letters, digits, spaces, punctuation and emoji, but no control or invisible characters.",
  abusive: "Choose another display name: this one will be shown to the whole room.",
  taken: "Someone in the room already has this display name: add an initial or choose another.",
};

/**
 * Letters, marks, digits, punctuation, symbols (emoji among them), spaces, and the zero-width
 * joiner that emoji sequences such as 👩‍💻 use. Not allowed: control characters, line breaks,
 * and the other invisible format characters, among them the direction overrides (U+202E) that
 * make a name read differently on screen from what it is.
 */
const printable = /^[\p{L}\p{M}\p{N}\p{P}\p{S}\p{Zs}\u200D]+$/u;

/**
 * Words no display name may contain: a short list of English swear words and slurs, to keep a
 * passing joke off the projector, not a moderation system. A name is refused when one of its
 * words, or all its letters run together ("f.u.c.k"), is one of these, alone or with a common
 * ending (`-s`, `-er`, `-ing`, `-head`…), after accents are removed and look-alike digits read as
 * letters ("sh1t"). Whole words only, so that "Scunthorpe" or "Cassandra" pass. Words that are
 * also people's names (Dick, Fanny, Van Dyke) are left out on purpose: refusing a real name is
 * worse than missing a joke, and the instructor sees every name.
 */
export const abusiveWords = [
  "arse",
  "arsehole",
  "asshole",
  "bastard",
  "bitch",
  "bollocks",
  "cunt",
  "faggot",
  "fuck",
  "hitler",
  "kike",
  "motherfucker",
  "nazi",
  "nigga",
  "nigger",
  "rape",
  "rapist",
  "retard",
  "shit",
  "slut",
  "tranny",
  "twat",
  "wanker",
  "whore",
] as const;

const abusive = new Set<string>(abusiveWords);
const endings = ["", "s", "es", "er", "ers", "ed", "ing", "y", "face", "head", "hole"];

/** Digits and signs that stand in for letters. */
const lookAlikes: Record<string, string> = { "0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", $: "s" };

/** `text` in lower-case letters without accents, its look-alike digits read as letters. */
function plainLetters(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[013457@$]/g, (character) => lookAlikes[character] ?? character);
}

function isAbusiveWord(word: string): boolean {
  return endings.some((ending) => word.endsWith(ending) && abusive.has(word.slice(0, word.length - ending.length)));
}

/** Whether a display name contains one of the {@link abusiveWords}. */
export function isAbusive(displayName: string): boolean {
  const plain = plainLetters(displayName);
  const words = plain.split(/[^a-z]+/).filter((word) => word !== "");
  return words.some(isAbusiveWord) || isAbusiveWord(words.join(""));
}

/** A display name as typed, tidied: Unicode NFC, trimmed, each run of spaces made one. */
export function tidyDisplayName(typed: string): string {
  return typed.normalize("NFC").trim().replace(/\s+/gu, " ");
}

/**
 * The form two display names are compared in, so that "Ada Lovelace" and "ada  LOVELACE" are the
 * same name in the room: compatibility-normalized (NFKC), lower case, single spaces. Stored as
 * `WorkshopAttendee.displayNameKey`, unique per room.
 */
export function foldDisplayName(displayName: string): string {
  return tidyDisplayName(displayName).normalize("NFKC").toLowerCase();
}

/** The display name to store, or why it is refused. The length counts characters as people see them (code points). */
export function checkDisplayName(typed: string): { displayName: string } | { refusal: DisplayNameRefusal } {
  const displayName = tidyDisplayName(typed);
  if (displayName === "") return { refusal: "empty" };
  if ([...displayName].length > displayNameMaxLength) return { refusal: "too-long" };
  if (!printable.test(displayName)) return { refusal: "unprintable" };
  if (isAbusive(displayName)) return { refusal: "abusive" };
  return { displayName };
}

/**
 * The username an attendee's account gets, before it is made unique: the display name in
 * lower-case ASCII letters and digits, words joined by hyphens ("Zoë O'Brien" → "zoe-o-brien"),
 * at most 30 characters; "attendee" when nothing of it is left (a name in another script, or
 * emoji only). Sign-in lower-cases what is typed, so a username never has capitals.
 */
export function usernameBaseOf(displayName: string): string {
  const ascii = displayName
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  const base = ascii.slice(0, 30).replace(/-+$/, "");
  return base === "" ? "attendee" : base;
}
