import type { GatewayState } from "./gateway-supervisor.js";
import { trayStatus } from "./tray-menu.js";

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/**
 * What the window shows while the gateway is not serving (starting, restarting, failed), as a
 * data: URL: a static page with no script, under its own CSP. The error text is escaped: it can
 * hold paths and config values.
 */
export function statusPageUrl(gateway: GatewayState): string {
  const { text, tone } = trayStatus(gateway);
  const hint =
    gateway.status === "failed"
      ? "Fix the cause, then choose “Start the gateway again” in the tray menu. `privacy-router doctor` checks an installation."
      : "This window switches to Privacy Router as soon as the gateway is ready.";
  const html = [
    "<!doctype html><html lang=en><head><meta charset=utf-8>",
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    "<title>Privacy Router</title>",
    "<style>body{font:15px system-ui,sans-serif;margin:3em;color:#222}h1{font-size:1.3em}.error{color:#b42318}</style>",
    "</head><body>",
    "<h1>Privacy Router</h1>",
    `<p class="${tone === "error" ? "error" : ""}">${escapeHtml(text)}</p>`,
    `<p>${escapeHtml(hint)}</p>`,
    "</body></html>",
  ].join("");
  return `data:text/html;charset=utf-8,${encodeURIComponent(html)}`;
}
