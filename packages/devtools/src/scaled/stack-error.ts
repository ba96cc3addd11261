/** Why a part of the scaled stack could not start or stop, in words for whoever started it. */
export class ScaledStackError extends Error {
  override readonly name = "ScaledStackError";
}
