import { spawn, type ChildProcess } from "node:child_process";

export interface NodeChild {
  process: ChildProcess;
  /** The end of what the child wrote to stderr, for error messages. */
  stderrTail(): string;
  stop(): Promise<void>;
}

export interface NodeChildOptions {
  name: string;
  script: string;
  args?: string[];
  execArgv?: string[];
  env?: NodeJS.ProcessEnv;
  /** A `taskset -c` CPU list; the child and all its threads stay on it. */
  cpus: string | undefined;
  /** An IPC channel, for children that report their address with `process.send`. */
  ipc: boolean;
}

/** Starts `node script` in a process of its own, optionally pinned to some CPUs. */
export function startNodeChild(options: NodeChildOptions): NodeChild {
  const nodeArguments = [...(options.execArgv ?? []), options.script, ...(options.args ?? [])];
  const [command, argumentsList] =
    options.cpus === undefined ? [process.execPath, nodeArguments] : ["taskset", ["-c", options.cpus, process.execPath, ...nodeArguments]];
  // stdout is discarded, not piped: a child that logs every request must not block on a pipe
  // nobody drains, nor make the load generator spend time reading it.
  const child = spawn(command, argumentsList, {
    stdio: ["ignore", "ignore", "pipe", ...(options.ipc ? (["ipc"] as const) : [])],
    env: options.env ?? process.env,
  });
  let stderr = "";
  child.stderr?.setEncoding("utf8").on("data", (text: string) => {
    stderr = (stderr + text).slice(-4000);
  });
  return {
    process: child,
    stderrTail: () => stderr.trim(),
    stop: () => stopChild(child),
  };
}

/** Resolves with the child's `{ kind: "ready" }` message, or fails if it exits or stays silent. */
export function waitForReadyMessage<Message extends { kind: string }>(child: NodeChild, name: string, timeoutMs = 30_000): Promise<Message> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`${name} did not report ready within ${timeoutMs} ms\n${child.stderrTail()}`)), timeoutMs);
    const onMessage = (message: Message): void => {
      if (message.kind !== "ready") return;
      cleanup();
      resolve(message);
    };
    const onExit = (code: number | null): void => fail(new Error(`${name} exited (${code ?? "signal"}) before it was ready\n${child.stderrTail()}`));
    const cleanup = (): void => {
      clearTimeout(timer);
      child.process.off("message", onMessage);
      child.process.off("exit", onExit);
    };
    const fail = (error: Error): void => {
      cleanup();
      reject(error);
    };
    child.process.on("message", onMessage);
    child.process.once("exit", onExit);
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  // An IPC child stops on its own when the channel closes; the others get SIGTERM.
  if (child.connected) child.disconnect();
  else child.kill("SIGTERM");
  const forced = setTimeout(() => child.kill("SIGKILL"), 5000);
  await exited;
  clearTimeout(forced);
}
