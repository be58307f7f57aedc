import type { LiveRequest } from "../../shared/admin-api.js";
import { parseSupervisorMessage, type GatewayMessage, type LocalOnlyState } from "../../shared/desktop-messages.js";
import { DataDirLockedError } from "../config/data-dir-lock.js";
import { ConfigError } from "../config/load-config.js";
import type { LocalOnlySwitch } from "../policy/local-only-switch.js";
import type { AdminEventListener } from "../server/admin-events.js";
import { UsageError } from "./command-context.js";

/**
 * The part of Electron's `process.parentPort` the gateway uses. The gateway never imports
 * electron (it runs as plain Node too): under a utilityProcess the port is simply there.
 */
export interface ParentPort {
  on(event: "message", listener: (event: { data: unknown }) => void): unknown;
  off(event: "message", listener: (event: { data: unknown }) => void): unknown;
  postMessage(message: unknown): void;
}

function isParentPort(value: unknown): value is ParentPort {
  if (typeof value !== "object" || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return typeof candidate.on === "function" && typeof candidate.off === "function" && typeof candidate.postMessage === "function";
}

/** The supervising parent's message port, when this process is an Electron utilityProcess. */
export function parentPortOf(processObject: object = process): ParentPort | undefined {
  const port = (processObject as { parentPort?: unknown }).parentPort;
  return isParentPort(port) ? port : undefined;
}

export interface SupervisedGateway {
  url: string;
  /** A fresh one-time UI login URL; absent when this gateway has no UI login. */
  createLoginUrl?: () => string;
  localOnly: LocalOnlySwitch;
  localOnlyForcedByConfig: boolean;
  /** The admin event bus: blocked requests become desktop notifications, switch changes reach the tray at once. */
  events?: { subscribe(listener: AdminEventListener): () => void };
}

export interface SupervisorChannel {
  reportReady(gateway: SupervisedGateway): void;
  /** Says why the gateway could not start, then stops listening so the process can exit. */
  reportStartFailure(error: unknown): void;
  reportRequestBlocked(notice: { requestId?: string; reason?: string }): void;
  /** Calls `listener` when the supervisor asks for a clean stop (at once if it already has). */
  onShutdown(listener: () => void): void;
  close(): void;
}

/** How often the local-only switch is re-read, so a change by the CLI or the UI reaches the tray. */
const localOnlyPollMs = 2_000;

/**
 * The gateway's end of the desktop message protocol (shared/desktop-messages.ts), or undefined
 * under plain Node. Messages that do not parse are ignored.
 */
export function openSupervisorChannel(port: ParentPort | undefined = parentPortOf()): SupervisorChannel | undefined {
  if (!port) return undefined;
  let gateway: SupervisedGateway | undefined;
  let shutdownRequested = false;
  let shutdownListener: (() => void) | undefined;
  let lastLocalOnly: string | undefined;
  let poll: NodeJS.Timeout | undefined;
  let unsubscribe: (() => void) | undefined;

  const send = (message: GatewayMessage): void => port.postMessage(message);
  const localOnlyState = (): LocalOnlyState | undefined =>
    gateway && { on: gateway.localOnly.isOn() || gateway.localOnlyForcedByConfig, forcedByConfig: gateway.localOnlyForcedByConfig };
  const reportLocalOnlyIfChanged = (): void => {
    const state = localOnlyState();
    if (!state || JSON.stringify(state) === lastLocalOnly) return;
    lastLocalOnly = JSON.stringify(state);
    send({ type: "local-only", ...state });
  };

  const onMessage = (event: { data: unknown }): void => {
    const message = parseSupervisorMessage(event?.data);
    if (!message) return;
    switch (message.type) {
      case "shutdown":
        shutdownRequested = true;
        shutdownListener?.();
        return;
      case "login-url": {
        const loginUrl = gateway?.createLoginUrl?.();
        send(loginUrl === undefined ? { type: "login-url" } : { type: "login-url", loginUrl });
        return;
      }
      case "set-local-only":
        if (!gateway) return;
        gateway.localOnly.set(message.on);
        reportLocalOnlyIfChanged();
        return;
    }
  };
  port.on("message", onMessage);

  const close = (): void => {
    if (poll) clearInterval(poll);
    poll = undefined;
    unsubscribe?.();
    unsubscribe = undefined;
    port.off("message", onMessage);
  };

  const reportRequestBlocked: SupervisorChannel["reportRequestBlocked"] = (notice) => {
    send({
      type: "request-blocked",
      ...(notice.requestId === undefined ? {} : { requestId: notice.requestId.slice(0, 200) }),
      ...(notice.reason === undefined ? {} : { reason: notice.reason.slice(0, 500) }),
    });
  };

  return {
    reportReady(ready) {
      gateway = ready;
      const localOnly = localOnlyState() as LocalOnlyState;
      lastLocalOnly = JSON.stringify(localOnly);
      const loginUrl = ready.createLoginUrl?.();
      send({ type: "ready", url: ready.url, ...(loginUrl === undefined ? {} : { loginUrl }), localOnly });
      // The bus hears the UI's switch at once; the poll catches the CLI's (a file in the data directory).
      poll = setInterval(reportLocalOnlyIfChanged, localOnlyPollMs);
      poll.unref();
      unsubscribe = ready.events?.subscribe((event) => {
        if (event.type === "local-only") reportLocalOnlyIfChanged();
        else if (event.type === "request.finished" && event.request.route === "blocked") {
          reportRequestBlocked({ requestId: event.request.requestId, reason: blockedReason(event.request) });
        }
      });
    },
    reportStartFailure(error) {
      const message = error instanceof Error ? error.message : String(error);
      send({ type: "start-failed", message: message.slice(0, 2000), retryable: isRetryable(error) });
      close();
    },
    reportRequestBlocked,
    onShutdown(listener) {
      shutdownListener = listener;
      if (shutdownRequested) listener();
    },
    close,
  };
}

/** A start failure that another attempt cannot fix: the user has to change something first. */
function isRetryable(error: unknown): boolean {
  if (error instanceof ConfigError || error instanceof DataDirLockedError || error instanceof UsageError) return false;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code !== "EADDRINUSE" && code !== "EACCES" && code !== "EADDRNOTAVAIL";
}

/**
 * The notification's text for a blocked request: the client (the token's name) and what was
 * found, by type and count. Never a value: the notification is shown on the desktop.
 */
export function blockedReason(request: LiveRequest): string {
  const found = Object.entries(request.findings)
    .map(([type, count]) => (count && count > 1 ? `${type} ×${count}` : type))
    .join(", ");
  return `${request.client}: ${found ? `found ${found}` : (request.errorCode ?? "refused by the policy")}`;
}
