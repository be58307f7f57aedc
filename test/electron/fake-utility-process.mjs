// Runs a module the way Electron's utilityProcess does, for tests on plain Node:
//   node fake-utility-process.mjs <module> [args...]
// The supervisor's messages arrive on `process.parentPort` (here carried over Node's fork IPC
// channel) as `{ data }` events, and `postMessage` answers. Nothing else is faked.
const [modulePath] = process.argv.splice(2, 1);
if (!modulePath) throw new Error("usage: fake-utility-process.mjs <module> [args...]");
// The module sees the same argv as under utilityProcess.fork: [exec, module, ...args].
process.argv.splice(1, 1, modulePath);

const listeners = new Set();
process.parentPort = {
  on(event, listener) {
    if (event === "message") listeners.add(listener);
    return this;
  },
  off(event, listener) {
    if (event === "message") listeners.delete(listener);
    return this;
  },
  postMessage(message) {
    if (process.connected) process.send?.(message);
  },
};
process.on("message", (data) => {
  for (const listener of listeners) listener({ data });
});

const { pathToFileURL } = await import("node:url");
await import(pathToFileURL(modulePath).href);
// The IPC channel would keep this process alive; a utilityProcess exits when its work is done.
process.disconnect?.();
