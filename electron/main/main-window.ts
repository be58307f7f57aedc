import type { GatewayState } from "./gateway-supervisor.js";
import { statusPageUrl } from "./status-page.js";

/** The part of a BrowserWindow the controller drives. */
export interface ControlledWindow {
  loadURL(url: string): Promise<void>;
  show(): void;
  focus(): void;
  isDestroyed(): boolean;
  isMinimized(): boolean;
  restore(): void;
  once(event: "ready-to-show", listener: () => void): unknown;
  on(event: "closed", listener: () => void): unknown;
}

export interface MainWindowOptions {
  /** Makes a hardened window (harden-window.ts), not yet shown. */
  createWindow: () => ControlledWindow;
  /** A fresh one-time login URL from the gateway, if it can make one. */
  requestLoginUrl: () => Promise<string | undefined>;
}

/**
 * The one main window: shows the UI the gateway serves, signed in through a one-time login URL,
 * or a status page while the gateway is starting, restarting or stopped. Closing it only closes
 * the window; the gateway keeps serving (the endpoint is the product).
 */
export class MainWindow {
  readonly #options: MainWindowOptions;
  #window: ControlledWindow | undefined;
  #gateway: GatewayState = { status: "stopped" };
  /** The login URL that came with `ready`: one use only, then a fresh one is asked for. */
  #unusedLoginUrl: string | undefined;
  /** What the window shows now: the UI of a gateway at this URL, or a status page. */
  #showing: { ui: string } | { status: string } | undefined;

  constructor(options: MainWindowOptions) {
    this.#options = options;
  }

  /** Opens the window, or brings it to the front. */
  open(): void {
    const existing = this.#window;
    if (existing && !existing.isDestroyed()) {
      if (existing.isMinimized()) existing.restore();
      existing.show();
      existing.focus();
      return;
    }
    const window = this.#options.createWindow();
    this.#window = window;
    this.#showing = undefined;
    window.once("ready-to-show", () => window.show());
    window.on("closed", () => {
      if (this.#window === window) this.#window = undefined;
    });
    void this.#refresh();
  }

  /**
   * The login URL that came with `ready`. Kept only while a window is open to use it at once: it
   * expires within minutes, so a window opened later asks for a fresh one.
   */
  offerLoginUrl(loginUrl: string): void {
    const window = this.#window;
    this.#unusedLoginUrl = window && !window.isDestroyed() ? loginUrl : undefined;
  }

  gatewayChanged(state: GatewayState): void {
    const previous = this.#gateway;
    this.#gateway = state;
    if (state.status === "serving" && previous.status === "serving" && previous.url === state.url) return;
    if (state.status !== "serving") this.#unusedLoginUrl = undefined;
    void this.#refresh();
  }

  async #refresh(): Promise<void> {
    const window = this.#window;
    if (!window || window.isDestroyed()) return;
    const gateway = this.#gateway;
    if (gateway.status !== "serving") {
      const page = statusPageUrl(gateway);
      if (this.#showing && "status" in this.#showing && this.#showing.status === page) return;
      this.#showing = { status: page };
      await window.loadURL(page).catch(() => undefined);
      return;
    }
    if (this.#showing && "ui" in this.#showing && this.#showing.ui === gateway.url) return;
    this.#showing = { ui: gateway.url };
    const loginUrl = this.#unusedLoginUrl ?? (await this.#options.requestLoginUrl());
    this.#unusedLoginUrl = undefined;
    // The gateway may have changed while we waited for the URL.
    const now = this.#gateway;
    if (now.status !== "serving" || now.url !== gateway.url || window.isDestroyed()) return;
    // Without a login URL (a gateway with no UI login) the UI itself says how to sign in.
    await window.loadURL(loginUrl ?? `${gateway.url}/`).catch(() => undefined);
  }
}
