// The desktop shell's main process. It stays thin: it supervises the gateway (a utilityProcess),
// owns the window, the tray, notifications and the app's lifecycle. Everything that decides
// anything lives in the modules it wires together, which know nothing of Electron.
import { app, BrowserWindow, Menu, nativeImage, Notification, shell, Tray, utilityProcess } from "electron";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { BlockedNotifier } from "./blocked-notifier.js";
import { chromiumProfileDir, desktopDataDir } from "./data-dir.js";
import { originOf } from "./gateway-origin.js";
import { forkGateway } from "./gateway-process.js";
import { GatewaySupervisor, type GatewayState } from "./gateway-supervisor.js";
import { createHardenedWindow, hardenAllWebContents } from "./harden-window.js";
import { MainWindow } from "./main-window.js";
import { defaultRestartPolicy } from "./restart-policy.js";
import { trayIconBitmap } from "./tray-icon.js";
import { trayMenu, trayStatus, type TrayAction } from "./tray-menu.js";
import { trayMenuTemplate } from "./tray-menu-template.js";

/** Set by `npm start` in development: better-sqlite3 built for Electron's ABI (docs/architecture.md). */
const sqliteBindingVariable = "PRIVACY_ROUTER_SQLITE_BINDING";
/** Passed when the OS starts the app at login: the tray only, no window. */
const hiddenFlag = "--hidden";

const dataDir = desktopDataDir(process.env, app.getPath("appData"));
app.setName("Privacy Router");
// Before `ready`: Chromium's profile and the single-instance lock live apart from the gateway's files.
app.setPath("userData", chromiumProfileDir(dataDir));
app.enableSandbox();
if (process.platform === "win32") app.setAppUserModelId("dev.privacyrouter.desktop");

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  void run();
}

async function run(): Promise<void> {
  hardenAllWebContents(app);
  await app.whenReady();

  const startAtLoginSupported = process.platform === "darwin" || process.platform === "win32";
  const startHidden = process.argv.includes(hiddenFlag) || (startAtLoginSupported && app.getLoginItemSettings().wasOpenedAtLogin);
  // dist/electron/main/main.js → the app's root (the repository, or app.asar when packaged).
  const cliPath = join(fileURLToPath(new URL("../../../", import.meta.url)), "bin", "privacy-router.js");
  const childEnv = { ...process.env };
  // Only a development tree has a second build of better-sqlite3; a package is rebuilt for Electron.
  if (app.isPackaged) delete childEnv[sqliteBindingVariable];

  const notifier = Notification.isSupported() ? new BlockedNotifier((title, body) => new Notification({ title, body }).show(), timers()) : undefined;
  const supervisor = new GatewaySupervisor({
    fork: () => forkGateway((modulePath, commandArguments, options) => utilityProcess.fork(modulePath, commandArguments, options), { cliPath, dataDir, env: childEnv }),
    policy: defaultRestartPolicy,
    // Called only once start() runs, below, when the window and tray exist.
    onState: (state) => {
      mainWindow.gatewayChanged(state);
      updateTray(state);
      if (state.status === "failed" && Notification.isSupported()) new Notification({ title: "Privacy Router stopped", body: state.reason }).show();
    },
    onLoginUrl: (loginUrl) => mainWindow.offerLoginUrl(loginUrl),
    onRequestBlocked: (notice) => notifier?.notify(notice),
  });
  const gatewayOrigin = (): string | undefined => (supervisor.state.status === "serving" ? originOf(supervisor.state.url) : undefined);

  const mainWindow = new MainWindow({
    createWindow: () =>
      createHardenedWindow(
        BrowserWindow,
        { width: 1200, height: 800, minWidth: 720, minHeight: 480, title: "Privacy Router", show: false },
        { gatewayOrigin, openExternal: (url) => shell.openExternal(url), devTools: !app.isPackaged, partition: "persist:privacy-router" },
      ),
    requestLoginUrl: () => supervisor.requestLoginUrl(),
  });

  const onTrayAction = (action: TrayAction, checked: boolean): void => {
    switch (action) {
      case "open":
        mainWindow.open();
        return;
      case "toggle-local-only":
        supervisor.setLocalOnly(checked);
        return;
      case "toggle-start-at-login":
        app.setLoginItemSettings({ openAtLogin: checked, args: [hiddenFlag] });
        updateTray(supervisor.state);
        return;
      case "retry":
        supervisor.start();
        return;
      case "quit":
        app.quit();
        return;
    }
  };

  function updateTray(state: GatewayState): void {
    const status = trayStatus(state);
    const startAtLogin = startAtLoginSupported ? app.getLoginItemSettings().openAtLogin : undefined;
    tray.setImage(nativeImage.createFromBitmap(trayIconBitmap(status.tone), { width: 16, height: 16 }));
    tray.setToolTip(`Privacy Router: ${status.text}`);
    tray.setContextMenu(Menu.buildFromTemplate(trayMenuTemplate(trayMenu({ gateway: state, startAtLogin }), onTrayAction)));
  }

  const tray = new Tray(nativeImage.createFromBitmap(trayIconBitmap("busy"), { width: 16, height: 16 }));
  updateTray(supervisor.state);

  // Closing the window keeps the app (and the endpoint) running in the tray.
  app.on("window-all-closed", () => undefined);
  app.on("second-instance", () => mainWindow.open());
  app.on("activate", () => mainWindow.open());
  let quitting = false;
  app.on("before-quit", (event) => {
    if (quitting) return;
    // Stop the gateway cleanly first (database closed, lock released), then quit for real.
    event.preventDefault();
    quitting = true;
    notifier?.dispose();
    void supervisor.stop().finally(() => app.quit());
  });

  supervisor.start();
  if (!startHidden) mainWindow.open();
}

function timers() {
  return {
    set: (callback: () => void, delayMs: number) => setTimeout(callback, delayMs),
    clear: (handle: unknown) => clearTimeout(handle as NodeJS.Timeout),
  };
}
