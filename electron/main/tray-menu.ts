import type { GatewayState } from "./gateway-supervisor.js";

export type TrayAction = "open" | "toggle-local-only" | "toggle-start-at-login" | "retry" | "quit";

/** One line of the tray menu, as plain data: main.ts turns it into an Electron menu item. */
export type TrayItem =
  | { kind: "label"; label: string }
  | { kind: "separator" }
  | { kind: "action"; action: TrayAction; label: string; enabled: boolean }
  | { kind: "checkbox"; action: TrayAction; label: string; checked: boolean; enabled: boolean };

export interface TrayState {
  gateway: GatewayState;
  /** Whether the app starts at login; undefined where the OS offers no such setting (Linux). */
  startAtLogin: boolean | undefined;
}

export type TrayTone = "serving" | "local-only" | "busy" | "error";

/** The tray's one-line status (its tooltip, and the menu's first line) and the icon's colour. */
export function trayStatus(gateway: GatewayState): { text: string; tone: TrayTone } {
  switch (gateway.status) {
    case "serving":
      return gateway.localOnly.on
        ? { text: `Local only: serving ${gateway.url}/v1, no cloud traffic`, tone: "local-only" }
        : { text: `Serving ${gateway.url}/v1`, tone: "serving" };
    case "starting":
      return { text: "Starting the gateway…", tone: "busy" };
    case "restarting":
      return { text: `Restarting in ${Math.max(1, Math.round(gateway.delayMs / 1000))} s: ${gateway.reason}`, tone: "error" };
    case "failed":
      return { text: `Stopped: ${gateway.reason}`, tone: "error" };
    case "stopping":
      return { text: "Stopping the gateway…", tone: "busy" };
    case "stopped":
      return { text: "The gateway is stopped", tone: "busy" };
  }
}

/** Menu labels must stay short; a long error reason is cut with an ellipsis. */
function shorten(text: string, limit = 90): string {
  return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;
}

/** The tray menu for a state: status, the local-only switch, open, retry when failed, start at login, quit. */
export function trayMenu(state: TrayState): TrayItem[] {
  const { gateway } = state;
  const items: TrayItem[] = [{ kind: "label", label: shorten(trayStatus(gateway).text) }, { kind: "separator" }];
  const serving = gateway.status === "serving";
  const forced = serving && gateway.localOnly.forcedByConfig;
  items.push({
    kind: "checkbox",
    action: "toggle-local-only",
    label: forced ? "Local only (set in config.yaml)" : "Local only: pause all cloud traffic",
    checked: serving && gateway.localOnly.on,
    // Nothing to switch while no gateway runs; a switch config forces on cannot be turned off here.
    enabled: serving && !forced,
  });
  items.push({ kind: "action", action: "open", label: "Open Privacy Router", enabled: true });
  if (gateway.status === "failed" || gateway.status === "stopped") items.push({ kind: "action", action: "retry", label: "Start the gateway again", enabled: true });
  items.push({ kind: "separator" });
  if (state.startAtLogin !== undefined) {
    items.push({ kind: "checkbox", action: "toggle-start-at-login", label: "Start at login", checked: state.startAtLogin, enabled: true });
  }
  items.push({ kind: "action", action: "quit", label: "Quit Privacy Router (stops the endpoint)", enabled: true });
  return items;
}
