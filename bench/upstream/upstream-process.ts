import { startBenchmarkUpstream } from "./benchmark-upstream.js";

/**
 * The benchmark upstream as a process of its own, so answering requests never competes with
 * the load generator's event loop. It reports its URL over IPC and stops when the parent goes.
 */
const upstream = await startBenchmarkUpstream();
process.send?.({ kind: "ready", url: upstream.url });
process.once("disconnect", () => {
  void upstream.close().then(() => process.exit(0));
});
