import { withContentSecurityPolicy } from "./content-security-policy.js";
import { isGatewayUrl, isSafeExternalUrl } from "./gateway-origin.js";

/*
 * The narrow parts of Electron's BrowserWindow, WebContents and Session this module touches.
 * The real objects satisfy them (main.ts hands them in); tests hand in fakes.
 */

export interface NavigationEvent {
  url: string;
  preventDefault(): void;
}

export interface PreventableEvent {
  preventDefault(): void;
}

export interface ResponseDetails {
  url: string;
  responseHeaders?: Record<string, string[]>;
}

export interface HardenableSession {
  setPermissionRequestHandler(handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
  setPermissionCheckHandler(handler: () => boolean): void;
  setSpellCheckerEnabled(enabled: boolean): void;
  webRequest: {
    onHeadersReceived(listener: (details: ResponseDetails, callback: (response: { responseHeaders?: Record<string, string[]> }) => void) => void): void;
  };
}

export interface HardenableWebContents {
  session: HardenableSession;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: "deny" }): void;
  on(event: "will-navigate", listener: (event: NavigationEvent) => void): unknown;
  on(event: "will-frame-navigate", listener: (event: NavigationEvent) => void): unknown;
  on(event: "will-redirect", listener: (event: NavigationEvent) => void): unknown;
  on(event: "will-attach-webview", listener: (event: PreventableEvent) => void): unknown;
}

export interface HardenableWindow {
  webContents: HardenableWebContents;
}

/** The narrow part of Electron's `app` that hardening every web contents needs. */
export interface HardenableApp {
  on(event: "web-contents-created", listener: (event: unknown, contents: HardenableWebContents) => void): unknown;
}

/** Options for a new window, without web preferences: those are never the caller's choice. */
export interface WindowOptions {
  width?: number;
  height?: number;
  minWidth?: number;
  minHeight?: number;
  title?: string;
  show?: boolean;
  backgroundColor?: string;
}

export interface HardeningContext {
  /** The origin of the gateway serving the UI right now; undefined while none is. */
  gatewayOrigin: () => string | undefined;
  /** Opens a link in the OS browser (Electron's shell.openExternal). */
  openExternal: (url: string) => Promise<void> | void;
  /** Developer tools only in development builds. */
  devTools: boolean;
  /** A persistent session of the app's own, apart from Electron's default session. */
  partition: string;
}

/** The web preferences of every window: the Electron security checklist, nothing left to defaults. */
export function hardenedWebPreferences(context: Pick<HardeningContext, "devTools" | "partition">) {
  return {
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    // Chromium's spell checker downloads dictionaries: no connection the user did not ask for.
    spellcheck: false,
    safeDialogs: true,
    devTools: context.devTools,
    partition: context.partition,
  } as const;
}

const hardenedSessions = new WeakSet<HardenableSession>();

/**
 * Creates a window the only way the shell makes one: hardened web preferences, a session that
 * grants no permission and adds a strict CSP to every response, navigation and redirects held
 * to the gateway's origin, popups denied (an external http(s) link opens in the OS browser),
 * webviews refused. There is no preload: the UI talks to the gateway over HTTP like a browser.
 */
export function createHardenedWindow<Window extends HardenableWindow>(
  WindowClass: new (options: WindowOptions & { webPreferences: ReturnType<typeof hardenedWebPreferences> }) => Window,
  options: WindowOptions,
  context: HardeningContext,
): Window {
  const window = new WindowClass({ ...options, webPreferences: hardenedWebPreferences(context) });
  const contents = window.webContents;
  hardenSession(contents.session);

  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url, context.gatewayOrigin())) void Promise.resolve(context.openExternal(url)).catch(() => undefined);
    return { action: "deny" };
  });
  const stayOnGateway = (event: NavigationEvent): void => {
    if (!isGatewayUrl(event.url, context.gatewayOrigin())) event.preventDefault();
  };
  contents.on("will-navigate", stayOnGateway);
  contents.on("will-frame-navigate", stayOnGateway);
  contents.on("will-redirect", stayOnGateway);
  contents.on("will-attach-webview", (event) => event.preventDefault());
  return window;
}

/**
 * A second guard, installed once before any window exists, for web contents that did not come
 * from createHardenedWindow (a devtools frame, anything a future dependency opens): popups
 * denied and webviews refused. A hardened window then sets its own, narrower handlers.
 */
export function hardenAllWebContents(app: HardenableApp): void {
  app.on("web-contents-created", (_event, contents) => {
    contents.setWindowOpenHandler(() => ({ action: "deny" }));
    contents.on("will-attach-webview", (event) => event.preventDefault());
  });
}

/** Once per session: every permission refused, the CSP on every response, no spell-check downloads. */
export function hardenSession(session: HardenableSession): void {
  if (hardenedSessions.has(session)) return;
  hardenedSessions.add(session);
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setSpellCheckerEnabled(false);
  // Every response in this session gets the policy, not only the gateway's: the window may
  // load nothing else anyway, and anything it did load would be held to the same rules.
  session.webRequest.onHeadersReceived((details, callback) => callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders) }));
}
