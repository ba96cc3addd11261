// `--step`: the presenter presses a key in the terminal before each step.

/** Whether keys can be read here: standard input is a terminal. */
export function canReadKeys(): boolean {
  return Boolean(process.stdin.isTTY);
}

/** Resolves at the next key press. Ctrl-C still stops the demo: it is passed on as SIGINT. */
export function nextKeyPress(): Promise<void> {
  return new Promise((resolve) => {
    process.stdin.setRawMode(true);
    process.stdin.resume();
    process.stdin.once("data", (key: Buffer) => {
      process.stdin.setRawMode(false);
      process.stdin.pause();
      if (key[0] === 0x03) process.kill(process.pid, "SIGINT");
      resolve();
    });
  });
}
