import { existsSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export const localOnlyFileName = "local-only";

/**
 * The run-time "local only" switch: a marker file in the data directory, so the CLI, the UI
 * and the tray can flip it while the gateway runs, and it survives a restart. The gateway
 * reads it on every request (one stat call), so switching on pauses cloud traffic at once.
 */
export class LocalOnlySwitch {
  readonly #path: string;

  constructor(dataDir: string) {
    this.#path = join(dataDir, localOnlyFileName);
  }

  isOn(): boolean {
    return existsSync(this.#path);
  }

  set(on: boolean, now: Date = new Date()): void {
    if (on) writeFileSync(this.#path, `${now.toISOString()}\n`, { mode: 0o600 });
    else rmSync(this.#path, { force: true });
  }
}
