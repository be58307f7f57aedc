import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const cliPath = fileURLToPath(new URL("../../bin/privacy-router.js", import.meta.url));
const builtEntry = fileURLToPath(new URL("../../dist/gateway/cli/main.js", import.meta.url));

export function assertBuilt(): void {
  if (!existsSync(builtEntry)) throw new Error("dist/ is missing: run `npm run build` (npm test does) before the CLI tests");
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `privacy-router ...` to completion as a real process. */
export function runCli(args: string[], options: { env?: NodeJS.ProcessEnv; input?: string } = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliPath, ...args], { env: { ...process.env, ...options.env } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.input ?? "");
  });
}

export interface ServingCli {
  child: ChildProcessWithoutNullStreams;
  url: string;
  stdout(): string;
  stderr(): string;
  stop(): Promise<number | null>;
}

/** Starts `privacy-router serve` and waits until it prints its endpoint. */
export function startServeCli(args: string[], options: { env?: NodeJS.ProcessEnv } = {}): Promise<ServingCli> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliPath, "serve", ...args], { env: { ...process.env, ...options.env } });
    let stdout = "";
    let stderr = "";
    const exited = new Promise<number | null>((done) => child.on("close", (code) => done(code)));
    const timer = setTimeout(() => reject(new Error(`serve did not start: ${stderr}`)), 20_000);
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString("utf8");
      const match = /endpoint at (http:\/\/\S+)\/v1/.exec(stdout);
      if (match?.[1]) {
        clearTimeout(timer);
        // Let the rest of the banner (the first-run token) arrive.
        setTimeout(
          () =>
            resolve({
              child,
              url: match[1] as string,
              stdout: () => stdout,
              stderr: () => stderr,
              stop: async () => {
                child.kill("SIGTERM");
                return exited;
              },
            }),
          200,
        );
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code}: ${stderr}`));
    });
  });
}
