import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, withContentSecurityPolicy } from "./content-security-policy.js";
import { isSafeExternalUrl } from "./gateway-origin.js";
import {
  createHardenedWindow,
  hardenAllWebContents,
  type HardenableSession,
  type HardenableWebContents,
  type NavigationEvent,
  type PreventableEvent,
  type ResponseDetails,
  type WindowOptions,
} from "./harden-window.js";

type HeadersListener = (details: ResponseDetails, callback: (response: { responseHeaders?: Record<string, string[]> }) => void) => void;

/** Records every handler the hardening installs, so the test can call them like Electron would. */
class FakeSession implements HardenableSession {
  permissionRequestHandler: ((webContents: unknown, permission: string, callback: (granted: boolean) => void) => void) | undefined;
  permissionCheckHandler: (() => boolean) | undefined;
  spellChecker = true;
  headersListeners: HeadersListener[] = [];
  webRequest = { onHeadersReceived: (listener: HeadersListener) => void this.headersListeners.push(listener) };
  setPermissionRequestHandler(handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void) => void): void {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: () => boolean): void {
    this.permissionCheckHandler = handler;
  }
  setSpellCheckerEnabled(enabled: boolean): void {
    this.spellChecker = enabled;
  }
}

class FakeWebContents implements HardenableWebContents {
  windowOpenHandler: ((details: { url: string }) => { action: "deny" }) | undefined;
  readonly listeners = new Map<string, Array<(event: never) => void>>();
  constructor(readonly session: FakeSession) {}
  setWindowOpenHandler(handler: (details: { url: string }) => { action: "deny" }): void {
    this.windowOpenHandler = handler;
  }
  on(event: string, listener: (event: never) => void): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  /** Emits a preventable event and says whether any listener prevented it. */
  emit(name: string, url = ""): boolean {
    let prevented = false;
    const event: NavigationEvent & PreventableEvent = { url, preventDefault: () => void (prevented = true) };
    for (const listener of this.listeners.get(name) ?? []) (listener as (event: NavigationEvent) => void)(event);
    return prevented;
  }
}

function setup(origin: string | undefined, session = new FakeSession()) {
  const opened: string[] = [];
  let constructed: (WindowOptions & { webPreferences: Record<string, unknown> }) | undefined;
  class FakeWindow {
    readonly webContents = new FakeWebContents(session);
    constructor(options: WindowOptions & { webPreferences: Record<string, unknown> }) {
      constructed = options;
    }
  }
  const window = createHardenedWindow(FakeWindow, { width: 800, title: "Privacy Router" }, {
    gatewayOrigin: () => origin,
    openExternal: (url) => void opened.push(url),
    devTools: false,
    partition: "persist:test",
  });
  if (!constructed) throw new Error("the window was not constructed");
  return { window, contents: window.webContents, session, options: constructed, opened };
}

describe("createHardenedWindow", () => {
  it("applies every hardening web preference and keeps the caller's other options", () => {
    const { options } = setup("http://127.0.0.1:8484");
    expect(options.width).toBe(800);
    expect(options.title).toBe("Privacy Router");
    expect(options.webPreferences).toEqual({
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
      spellcheck: false,
      safeDialogs: true,
      devTools: false,
      partition: "persist:test",
    });
    expect(options.webPreferences).not.toHaveProperty("preload");
  });

  it("lets navigation and redirects stay on the gateway's exact origin only", () => {
    const { contents } = setup("http://127.0.0.1:8484");
    for (const event of ["will-navigate", "will-redirect", "will-frame-navigate"]) {
      expect(contents.emit(event, "http://127.0.0.1:8484/audit?x=1")).toBe(false);
      expect(contents.emit(event, "http://127.0.0.1:8485/")).toBe(true);
      expect(contents.emit(event, "https://127.0.0.1:8484/")).toBe(true);
      expect(contents.emit(event, "http://localhost:8484/")).toBe(true);
      expect(contents.emit(event, "https://evil.example/")).toBe(true);
      expect(contents.emit(event, "file:///etc/passwd")).toBe(true);
      expect(contents.emit(event, "not a url")).toBe(true);
    }
  });

  it("allows no navigation at all while no gateway is serving", () => {
    const { contents } = setup(undefined);
    expect(contents.emit("will-navigate", "http://127.0.0.1:8484/")).toBe(true);
  });

  it("denies every popup and opens only safe external links in the OS browser", () => {
    const { contents, opened } = setup("http://127.0.0.1:8484");
    const open = (url: string) => contents.windowOpenHandler?.({ url });
    expect(open("https://docs.example.org/privacy")).toEqual({ action: "deny" });
    expect(open("http://127.0.0.1:8484/other-window")).toEqual({ action: "deny" });
    expect(open("file:///etc/passwd")).toEqual({ action: "deny" });
    expect(open("javascript:alert(1)")).toEqual({ action: "deny" });
    expect(open("smb://share/x")).toEqual({ action: "deny" });
    expect(open("https://user:secret@example.org/")).toEqual({ action: "deny" });
    expect(opened).toEqual(["https://docs.example.org/privacy"]);
  });

  it("refuses to attach webviews", () => {
    const { contents } = setup("http://127.0.0.1:8484");
    expect(contents.emit("will-attach-webview")).toBe(true);
  });

  it("refuses every permission request and check, and turns the spell checker off", () => {
    const { session } = setup("http://127.0.0.1:8484");
    const answers: boolean[] = [];
    for (const permission of ["media", "geolocation", "notifications", "clipboard-read", "openExternal"]) {
      session.permissionRequestHandler?.({}, permission, (granted) => answers.push(granted));
    }
    expect(answers).toEqual([false, false, false, false, false]);
    expect(session.permissionCheckHandler?.()).toBe(false);
    expect(session.spellChecker).toBe(false);
  });

  it("adds the strict CSP to every response and hardens a shared session once", () => {
    const session = new FakeSession();
    setup("http://127.0.0.1:8484", session);
    setup("http://127.0.0.1:8484", session);
    expect(session.headersListeners).toHaveLength(1);
    let response: { responseHeaders?: Record<string, string[]> } | undefined;
    session.headersListeners[0]?.({ url: "http://127.0.0.1:8484/", responseHeaders: { "content-type": ["text/html"] } }, (value) => (response = value));
    expect(response?.responseHeaders).toEqual({ "content-type": ["text/html"], "Content-Security-Policy": [contentSecurityPolicy] });
  });
});

describe("content security policy", () => {
  it("allows only the page's own origin for scripts, styles, images and connections, and no framing", () => {
    const directives = new Map(contentSecurityPolicy.split("; ").map((directive) => [directive.split(" ")[0], directive.split(" ").slice(1).join(" ")]));
    expect(directives.get("default-src")).toBe("'none'");
    for (const name of ["script-src", "style-src", "connect-src"]) expect(directives.get(name)).toBe("'self'");
    expect(directives.get("img-src")).toBe("'self' data:");
    expect(directives.get("frame-ancestors")).toBe("'none'");
    expect(directives.get("object-src")).toBe("'none'");
    expect(contentSecurityPolicy).not.toContain("unsafe");
  });

  it("keeps a policy the server sent beside ours, whatever its header's case", () => {
    const headers = withContentSecurityPolicy({ "content-security-policy": ["default-src 'self'"], "X-Other": ["1"] });
    expect(headers["Content-Security-Policy"]).toEqual(["default-src 'self'", contentSecurityPolicy]);
    expect(headers["content-security-policy"]).toBeUndefined();
    expect(headers["X-Other"]).toEqual(["1"]);
    expect(withContentSecurityPolicy(undefined)).toEqual({ "Content-Security-Policy": [contentSecurityPolicy] });
  });
});

describe("external links", () => {
  it("accepts plain http(s) links elsewhere and refuses the gateway itself, other schemes and credentials", () => {
    const gateway = "http://127.0.0.1:8484";
    expect(isSafeExternalUrl("https://example.org/a?b=c", gateway)).toBe(true);
    expect(isSafeExternalUrl("http://example.org/", gateway)).toBe(true);
    expect(isSafeExternalUrl("http://127.0.0.1:8484/x", gateway)).toBe(false);
    expect(isSafeExternalUrl("mailto:ada@example.com", gateway)).toBe(false);
    expect(isSafeExternalUrl("vscode://file/etc/passwd", gateway)).toBe(false);
    expect(isSafeExternalUrl("https://a:b@example.org", gateway)).toBe(false);
    expect(isSafeExternalUrl("", gateway)).toBe(false);
  });
});

describe("hardenAllWebContents", () => {
  it("denies popups and refuses webviews in every web contents created after it", () => {
    const listeners: Array<(event: unknown, contents: HardenableWebContents) => void> = [];
    hardenAllWebContents({ on: (_name, listener) => listeners.push(listener) });
    expect(listeners).toHaveLength(1);
    const contents = new FakeWebContents(new FakeSession());
    listeners[0]?.({}, contents);
    expect(contents.windowOpenHandler?.({ url: "https://example.org/" })).toEqual({ action: "deny" });
    expect(contents.windowOpenHandler?.({ url: "http://127.0.0.1:8484/" })).toEqual({ action: "deny" });
    expect(contents.emit("will-attach-webview")).toBe(true);
  });
});
