import { describe, expect, it } from "vitest";
import type { GatewayState } from "./gateway-supervisor.js";
import { MainWindow, type ControlledWindow } from "./main-window.js";

class FakeWindow implements ControlledWindow {
  readonly loaded: string[] = [];
  destroyed = false;
  shown = 0;
  closedListener: (() => void) | undefined;
  async loadURL(url: string): Promise<void> {
    this.loaded.push(url);
  }
  show(): void {
    this.shown++;
  }
  focus(): void {}
  isDestroyed(): boolean {
    return this.destroyed;
  }
  isMinimized(): boolean {
    return false;
  }
  restore(): void {}
  once(_event: "ready-to-show", listener: () => void): this {
    listener();
    return this;
  }
  on(_event: "closed", listener: () => void): this {
    this.closedListener = listener;
    return this;
  }
  close(): void {
    this.destroyed = true;
    this.closedListener?.();
  }
}

const serving = (url = "http://127.0.0.1:8484", on = false): GatewayState => ({ status: "serving", url, localOnly: { on, forcedByConfig: false } });
const settle = () => new Promise((resolve) => setImmediate(resolve));

function setup(freshUrls: Array<string | undefined> = []) {
  const windows: FakeWindow[] = [];
  const requests: number[] = [];
  const controller = new MainWindow({
    createWindow: () => {
      const window = new FakeWindow();
      windows.push(window);
      return window;
    },
    requestLoginUrl: async () => {
      requests.push(1);
      return freshUrls.shift();
    },
  });
  return { controller, windows, requests };
}

describe("main window", () => {
  it("shows a status page while starting, then signs in with the login URL that came with ready, once", async () => {
    const { controller, windows, requests } = setup();
    controller.gatewayChanged({ status: "starting" });
    controller.open();
    await settle();
    expect(windows[0]?.loaded[0]).toMatch(/^data:text\/html/);
    controller.offerLoginUrl("http://127.0.0.1:8484/login?code=first");
    controller.gatewayChanged(serving());
    await settle();
    expect(windows[0]?.loaded.at(-1)).toBe("http://127.0.0.1:8484/login?code=first");
    expect(requests).toHaveLength(0);
    // Flipping local-only does not reload the UI.
    controller.gatewayChanged(serving(undefined, true));
    await settle();
    expect(windows[0]?.loaded).toHaveLength(2);
  });

  it("asks for a fresh login URL for a window opened later (the one from ready may have expired)", async () => {
    const { controller, windows, requests } = setup(["http://127.0.0.1:8484/login?code=second", "http://127.0.0.1:8484/login?code=third"]);
    // Started hidden (at login): no window when the gateway became ready.
    controller.offerLoginUrl("http://127.0.0.1:8484/login?code=first");
    controller.gatewayChanged(serving());
    controller.open();
    await settle();
    expect(windows[0]?.loaded).toEqual(["http://127.0.0.1:8484/login?code=second"]);
    windows[0]?.close();
    controller.open();
    await settle();
    expect(windows).toHaveLength(2);
    expect(windows[1]?.loaded).toEqual(["http://127.0.0.1:8484/login?code=third"]);
    expect(requests).toHaveLength(2);
    // Opening while it is open brings it to the front instead of making another.
    controller.open();
    expect(windows).toHaveLength(2);
    expect(windows[1]?.shown).toBe(2);
  });

  it("shows the restart, then signs in again when the gateway is back", async () => {
    const { controller, windows } = setup(["http://127.0.0.1:8484/login?code=after-restart"]);
    controller.open();
    await settle();
    controller.offerLoginUrl("http://127.0.0.1:8484/login?code=from-ready");
    controller.gatewayChanged(serving());
    await settle();
    controller.gatewayChanged({ status: "restarting", reason: "the gateway exited unexpectedly (exit code 134)", delayMs: 500 });
    controller.gatewayChanged({ status: "starting" });
    controller.gatewayChanged(serving());
    await settle();
    const loaded = windows[0]?.loaded ?? [];
    expect(loaded[0]).toMatch(/^data:text\/html/);
    expect(loaded[1]).toBe("http://127.0.0.1:8484/login?code=from-ready");
    expect(decodeURIComponent(loaded[2] ?? "")).toContain("exit code 134");
    expect(loaded.at(-1)).toBe("http://127.0.0.1:8484/login?code=after-restart");
  });

  it("falls back to the UI's address when the gateway makes no login URL", async () => {
    const { controller, windows } = setup([undefined]);
    controller.gatewayChanged(serving());
    controller.open();
    await settle();
    expect(windows[0]?.loaded).toEqual(["http://127.0.0.1:8484/"]);
  });
});
