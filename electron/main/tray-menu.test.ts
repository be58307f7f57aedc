import { describe, expect, it } from "vitest";
import type { GatewayState } from "./gateway-supervisor.js";
import { trayIconBitmap } from "./tray-icon.js";
import { trayMenu, trayStatus, type TrayItem } from "./tray-menu.js";
import { trayMenuTemplate } from "./tray-menu-template.js";

const serving = (on: boolean, forcedByConfig = false): GatewayState => ({ status: "serving", url: "http://127.0.0.1:8484", localOnly: { on, forcedByConfig } });
const find = (items: TrayItem[], action: string) => items.find((item) => "action" in item && item.action === action);

describe("tray menu model", () => {
  it("shows the endpoint and an enabled, unchecked local-only switch while serving", () => {
    const items = trayMenu({ gateway: serving(false), startAtLogin: false });
    expect(items[0]).toEqual({ kind: "label", label: "Serving http://127.0.0.1:8484/v1" });
    expect(find(items, "toggle-local-only")).toMatchObject({ kind: "checkbox", checked: false, enabled: true });
    expect(find(items, "open")).toMatchObject({ enabled: true });
    expect(find(items, "retry")).toBeUndefined();
    expect(find(items, "toggle-start-at-login")).toMatchObject({ kind: "checkbox", checked: false });
    expect(items.at(-1)).toMatchObject({ kind: "action", action: "quit" });
  });

  it("says local-only mode is on, and cannot switch it off when config forces it", () => {
    expect(trayStatus(serving(true))).toEqual({ text: "Local only: serving http://127.0.0.1:8484/v1, no cloud traffic", tone: "local-only" });
    expect(find(trayMenu({ gateway: serving(true), startAtLogin: undefined }), "toggle-local-only")).toMatchObject({ checked: true, enabled: true });
    expect(find(trayMenu({ gateway: serving(true, true), startAtLogin: undefined }), "toggle-local-only")).toEqual({
      kind: "checkbox",
      action: "toggle-local-only",
      label: "Local only (set in config.yaml)",
      checked: true,
      enabled: false,
    });
  });

  it("disables the switch while the gateway is not serving and offers a retry once it failed", () => {
    const failed = trayMenu({ gateway: { status: "failed", reason: "config.yaml: unknown key `sever`" }, startAtLogin: undefined });
    expect(failed[0]).toEqual({ kind: "label", label: "Stopped: config.yaml: unknown key `sever`" });
    expect(trayStatus({ status: "failed", reason: "x" }).tone).toBe("error");
    expect(find(failed, "toggle-local-only")).toMatchObject({ enabled: false, checked: false });
    expect(find(failed, "retry")).toMatchObject({ kind: "action", enabled: true });
    const restarting = trayMenu({ gateway: { status: "restarting", reason: "the gateway exited unexpectedly (exit code 134)", delayMs: 2400 }, startAtLogin: undefined });
    expect(restarting[0]).toEqual({ kind: "label", label: "Restarting in 2 s: the gateway exited unexpectedly (exit code 134)" });
    expect(find(restarting, "retry")).toBeUndefined();
    expect(trayMenu({ gateway: { status: "starting" }, startAtLogin: undefined })[0]).toEqual({ kind: "label", label: "Starting the gateway…" });
  });

  it("leaves out start-at-login where the OS has no such setting and shortens long reasons", () => {
    const items = trayMenu({ gateway: { status: "failed", reason: "x".repeat(300) }, startAtLogin: undefined });
    expect(find(items, "toggle-start-at-login")).toBeUndefined();
    const label = (items[0] as { label: string }).label;
    expect(label.length).toBe(90);
    expect(label.endsWith("…")).toBe(true);
  });

  it("becomes an Electron menu template whose clicks report the action and the new checkbox state", () => {
    const clicks: Array<[string, boolean]> = [];
    const template = trayMenuTemplate(trayMenu({ gateway: serving(false), startAtLogin: true }), (action, checked) => clicks.push([action, checked]));
    expect(template[0]).toEqual({ label: "Serving http://127.0.0.1:8484/v1", enabled: false });
    expect(template[1]).toEqual({ type: "separator" });
    const localOnly = template.find((item) => item.label?.startsWith("Local only"));
    expect(localOnly).toMatchObject({ type: "checkbox", checked: false, enabled: true });
    localOnly?.click?.({ checked: true } as never, undefined, {} as never);
    template.find((item) => item.label?.startsWith("Quit"))?.click?.({} as never, undefined, {} as never);
    expect(clicks).toEqual([
      ["toggle-local-only", true],
      ["quit", false],
    ]);
  });
});

describe("tray icon", () => {
  it("is a dot of the state's colour on a transparent square, in BGRA", () => {
    const size = 16;
    const pixel = (bitmap: Buffer, x: number, y: number) => [...bitmap.subarray((y * size + x) * 4, (y * size + x) * 4 + 4)];
    const serving = trayIconBitmap("serving", size);
    const error = trayIconBitmap("error", size);
    expect(serving.length).toBe(size * size * 4);
    expect(pixel(serving, 8, 8)).toEqual([67, 160, 46, 255]);
    expect(pixel(error, 8, 8)).toEqual([46, 34, 207, 255]);
    expect(pixel(serving, 0, 0)[3]).toBe(0);
  });
});
