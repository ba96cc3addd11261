// How the production server answers a request Node.js cannot parse (its "clientError" event).

const allowed = "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS";

/** The status, reason phrase, message and any extra header for a parse error's code. */
function failureOf(code) {
  if (code === "HPE_INVALID_METHOD") {
    return { status: 405, reason: "Method Not Allowed", message: "The method is not allowed.", extra: `Allow: ${allowed}\r\n` };
  }
  if (code === "HPE_HEADER_OVERFLOW") {
    return { status: 431, reason: "Request Header Fields Too Large", message: "The request headers are too large.", extra: "" };
  }
  return { status: 400, reason: "Bad Request", message: "The request is not valid HTTP.", extra: "" };
}

/** Whether the unparsable request was a HEAD, whose answer must have no body (RFC 9110 §9.3.2). */
function isHead(error) {
  return Buffer.isBuffer(error.rawPacket) && error.rawPacket.subarray(0, 5).toString("latin1") === "HEAD ";
}

/**
 * Answers a request Node.js could not parse, then closes the connection. By default Node.js writes
 * a bare 400 and closes at once, so a client still sending its body sees the connection reset,
 * never the answer. Here the answer says what was wrong, and whatever the client still sends is
 * read and dropped (for at most five seconds) until it has read the answer and closed.
 *
 * @param {Error & { code?: string }} error
 * @param {import("node:net").Socket} socket
 */
export function answerUnparsableRequest(error, socket) {
  if (!socket.writable || error.code === "ECONNRESET") {
    socket.destroy();
    return;
  }
  const { status, reason, message, extra } = failureOf(error.code);
  const body = JSON.stringify({ error: "invalid_request", error_description: message });
  socket.on("error", () => socket.destroy());
  socket.setTimeout(5_000, () => socket.destroy());
  socket.resume();
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json\r\nCache-Control: no-store\r\nConnection: close\r\n${extra}` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${isHead(error) ? "" : body}`,
  );
}
