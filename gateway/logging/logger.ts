import type { Writable } from "node:stream";

export type LogLevel = "debug" | "info" | "warn" | "error";

/**
 * Fields a log line may carry. Everything else is dropped, so request text, keys and tokens
 * cannot reach a log by accident: a field has to be added here, on purpose, to be logged.
 */
const allowedFields = new Set([
  "requestId",
  "client",
  "endpoint",
  "method",
  "status",
  "route",
  "provider",
  "model",
  "latencyMs",
  "errorCode",
  "redactions",
  "findingTypes",
  "host",
  "port",
  "pid",
  "path",
  "reason",
  "state",
  "attempt",
]);

const levelOrder: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

// Key-shaped strings are masked even inside allowed fields, as a last line of defence.
const secretShapes = /\b(?:prt_[A-Za-z0-9_-]{8,}|sk-[A-Za-z0-9_-]{8,}|(?:AKIA|ASIA)[0-9A-Z]{16}|gh[pousr]_[A-Za-z0-9]{8,}|xox[abposr]-[A-Za-z0-9-]{8,})/g;

export interface Logger {
  log(level: LogLevel, message: string, fields?: Record<string, unknown>): void;
}

export function createLogger(output: Writable, minimumLevel: LogLevel = "info", clock: () => Date = () => new Date()): Logger {
  return {
    log(level, message, fields = {}) {
      if (levelOrder[level] < levelOrder[minimumLevel]) return;
      const line: Record<string, unknown> = { time: clock().toISOString(), level, message: mask(message) };
      for (const [key, value] of Object.entries(fields)) {
        if (!allowedFields.has(key)) continue;
        line[key] = typeof value === "string" ? mask(value) : value;
      }
      output.write(`${JSON.stringify(line)}\n`);
    },
  };
}

function mask(text: string): string {
  return text.replace(secretShapes, "[REDACTED]");
}

export const silentLogger: Logger = { log() {} };
