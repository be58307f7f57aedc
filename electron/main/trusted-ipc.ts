import { isGatewayUrl } from "./gateway-origin.js";

/** The part of an IPC event that says who sent it (Electron's IpcMainEvent / IpcMainInvokeEvent). */
export interface IpcSenderEvent {
  senderFrame: { url: string } | null;
}

/**
 * True when an IPC message comes from a frame showing the gateway's UI (its frame URL is on the
 * gateway's origin). A frame that navigated elsewhere, a destroyed frame and any frame while no
 * gateway is serving are refused.
 */
export function isTrustedSender(event: IpcSenderEvent, gatewayOrigin: string | undefined): boolean {
  const frame = event.senderFrame;
  return frame !== null && isGatewayUrl(frame.url, gatewayOrigin);
}

/** The part of Electron's ipcMain that `handleTrusted` needs. */
export interface IpcHandlerRegistry<Event extends IpcSenderEvent> {
  handle(channel: string, listener: (event: Event, ...args: unknown[]) => unknown): void;
}

/**
 * Registers an IPC handler that answers only the gateway's own UI: every channel the shell
 * offers goes through here, so no handler can forget the check. An untrusted sender gets an
 * error, and the handler never runs.
 */
export function handleTrusted<Event extends IpcSenderEvent>(
  ipc: IpcHandlerRegistry<Event>,
  channel: string,
  gatewayOrigin: () => string | undefined,
  handler: (event: Event, ...args: unknown[]) => unknown,
): void {
  ipc.handle(channel, (event, ...args) => {
    if (!isTrustedSender(event, gatewayOrigin())) throw new Error(`refused ${channel}: the sender is not the Privacy Router UI`);
    return handler(event, ...args);
  });
}
