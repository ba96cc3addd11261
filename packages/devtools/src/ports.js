import net from "node:net";

/**
 * Why `port` cannot be used, or null when it is free: on `host`, for an app that will listen on
 * that address only, or else on every interface, where Next.js listens by default.
 */
export function findPortProblem(port, host) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", (error) => {
      if (error.code === "EADDRINUSE") {
        resolve(
          "the port is already in use. Another copy of the app may still be running: stop it " +
            `(\`lsof -i :${port}\` shows which process holds the port) and start again.`,
        );
      } else if (error.code === "EACCES") {
        resolve("this user may not listen on that port.");
      } else if (error.code === "EADDRNOTAVAIL") {
        resolve(`${host} is not an address of this machine.`);
      } else {
        resolve(error.message);
      }
    });
    server.once("listening", () => server.close(() => resolve(null)));
    server.listen(port, host);
  });
}

/**
 * True when something accepts connections on the port at `host`. Unlike {@link findPortProblem}
 * it never takes the port itself, so it can watch a server that is about to bind it.
 */
export function isListening(port, host = "localhost") {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}
