// What the commands of this package (`npm run workshop`, `npm run demo`) say about bad arguments.

/**
 * Node's parseArgs's messages, in a command's words; the usage that follows lists the valid
 * options. `example` shows how a value follows its option, as in "--pace 2".
 */
export function describeParseError(error: Error & { code?: string }, example: string): string {
  const quoted = /'([^']+)'/.exec(error.message)?.[1];
  if (quoted === undefined) return error.message;
  switch (error.code) {
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION":
      return `Unknown option ${quoted}.`;
    case "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL":
      return `Unexpected argument ${quoted}: each value follows its option, as in ${example}.`;
    default:
      return error.message.replace(/\.?$/, ".");
  }
}
