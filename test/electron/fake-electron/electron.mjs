// A stand-in for the parts of Electron the desktop shell's main process uses, for a test on
// plain Node (no Electron binary here). It reports what the shell does as JSON lines on stdout
// ("FAKE-ELECTRON {...}") and takes commands as JSON lines on stdin (a tray click, closing the
// window, quitting), so the test drives the built main.js the way a user drives the app.
// utilityProcess.fork starts a real Node child (../fake-utility-process.mjs): the gateway runs
// for real.
import { fork } from "node:child_process";
import { EventEmitter } from "node:events";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

const shim = fileURLToPath(new URL("../fake-utility-process.mjs", import.meta.url));

function report(type, details = {}) {
  process.stdout.write(`FAKE-ELECTRON ${JSON.stringify({ type, ...details })}\n`);
}

class FakeApp extends EventEmitter {
  isPackaged = false;
  getPath(name) {
    if (name !== "appData") throw new Error(`unexpected getPath(${name})`);
    return process.env.FAKE_ELECTRON_APP_DATA;
  }
  setName(name) {
    report("set-name", { name });
  }
  setPath(name, value) {
    report("set-path", { name, value });
  }
  enableSandbox() {
    report("enable-sandbox");
  }
  setAppUserModelId() {}
  requestSingleInstanceLock() {
    return true;
  }
  whenReady() {
    return Promise.resolve();
  }
  getLoginItemSettings() {
    return { openAtLogin: false, wasOpenedAtLogin: false };
  }
  setLoginItemSettings(settings) {
    report("login-item", settings);
  }
  quit() {
    let prevented = false;
    this.emit("before-quit", { preventDefault: () => (prevented = true) });
    if (prevented) return;
    report("quit");
    setImmediate(() => process.exit(0));
  }
}
export const app = new FakeApp();

const session = {
  setPermissionRequestHandler(handler) {
    session.permissionRequest = handler;
  },
  setPermissionCheckHandler(handler) {
    session.permissionCheck = handler;
  },
  setSpellCheckerEnabled(enabled) {
    report("spell-checker", { enabled });
  },
  webRequest: {
    onHeadersReceived(listener) {
      session.headers = listener;
    },
  },
};

class WebContents extends EventEmitter {
  session = session;
  setWindowOpenHandler(handler) {
    this.openHandler = handler;
  }
}

const windows = [];
export class BrowserWindow extends EventEmitter {
  static getAllWindows() {
    return windows.filter((window) => !window.destroyed);
  }
  constructor(options) {
    super();
    this.options = options;
    this.destroyed = false;
    this.webContents = new WebContents();
    windows.push(this);
    app.emit("web-contents-created", {}, this.webContents);
    report("window-created", { index: windows.length - 1, webPreferences: options.webPreferences });
    setImmediate(() => this.emit("ready-to-show"));
  }
  async loadURL(url) {
    this.url = url;
    report("window-load", { index: windows.indexOf(this), url });
  }
  show() {}
  focus() {}
  restore() {}
  isMinimized() {
    return false;
  }
  isDestroyed() {
    return this.destroyed;
  }
  close() {
    this.destroyed = true;
    this.emit("closed");
    if (BrowserWindow.getAllWindows().length === 0) app.emit("window-all-closed");
  }
}

export const Menu = { buildFromTemplate: (template) => ({ template }) };

const trays = [];
export class Tray {
  constructor() {
    trays.push(this);
  }
  setImage() {}
  setToolTip(text) {
    this.toolTip = text;
  }
  setContextMenu(menu) {
    this.menu = menu;
    report("tray-menu", {
      toolTip: this.toolTip,
      items: menu.template.map((item) => ({ label: item.label, type: item.type, checked: item.checked, enabled: item.enabled })),
    });
  }
}

export const nativeImage = { createFromBitmap: (_buffer, size) => ({ size }) };

export class Notification {
  static isSupported() {
    return true;
  }
  constructor(options) {
    this.options = options;
  }
  show() {
    report("notification", this.options);
  }
}

export const shell = { openExternal: async (url) => report("open-external", { url }) };

export const utilityProcess = {
  fork(modulePath, args, options) {
    const child = fork(shim, [modulePath, ...args], { env: options.env, stdio: ["ignore", "ignore", "inherit", "ipc"], execArgv: [] });
    const process = new EventEmitter();
    child.on("message", (message) => process.emit("message", message));
    child.on("exit", (code, signal) => process.emit("exit", code ?? (signal ? 128 : 1)));
    process.postMessage = (message) => {
      if (child.connected) child.send(message);
    };
    process.kill = () => child.kill("SIGTERM");
    report("fork", { modulePath, args, pid: child.pid, serviceName: options.serviceName });
    return process;
  },
};

// Commands from the test.
createInterface({ input: process.stdin }).on("line", (line) => {
  const command = JSON.parse(line);
  if (command.do === "tray-click") {
    const item = trays[0]?.menu?.template.find((entry) => entry.click && entry.label?.startsWith(command.label));
    if (!item?.click) return report("error", { message: `no clickable tray item ${command.label}` });
    item.click({ checked: !item.checked });
  } else if (command.do === "close-window") {
    BrowserWindow.getAllWindows()[0]?.close();
  } else if (command.do === "window-open") {
    report("window-open-answer", { answer: BrowserWindow.getAllWindows()[0]?.webContents.openHandler?.({ url: command.url }) });
  } else if (command.do === "navigate") {
    let prevented = false;
    BrowserWindow.getAllWindows()[0]?.webContents.emit("will-navigate", { url: command.url, preventDefault: () => (prevented = true) });
    report("navigate-answer", { url: command.url, prevented });
  }
});

export default { app, BrowserWindow, Menu, Tray, nativeImage, Notification, shell, utilityProcess };
