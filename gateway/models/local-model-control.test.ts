import { describe, expect, it } from "vitest";
import type { LocalModelState } from "../../shared/local-models.js";
import { GgufModelControl } from "./local-model-control.js";
import type { LocalModelManager } from "./local-model.js";
import type { LocalModelStateListener } from "./local-model-state.js";

/** The part of the manager the control uses; `setModelPath` fails for paths listed in `failing`. */
function fakeManager(failing: Set<string>) {
  let modelPath: string | undefined;
  const listeners = new Set<LocalModelStateListener>();
  const manager = {
    get state(): LocalModelState {
      return modelPath === undefined ? { status: "not-configured" } : { status: "idle", modelPath };
    },
    get isConfigured() {
      return modelPath !== undefined;
    },
    get currentModelPath() {
      return modelPath;
    },
    subscribe(listener: LocalModelStateListener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async setModelPath(next: string | undefined) {
      if (next !== undefined && failing.has(next)) throw new Error(`cannot unload before ${next}`);
      modelPath = next;
    },
  };
  return manager as unknown as LocalModelManager;
}

describe("GgufModelControl.select", () => {
  it("reports a failed switch in the state, and the next switch still works", async () => {
    const control = new GgufModelControl(fakeManager(new Set(["/models/broken.gguf"])), undefined, undefined);
    const seen: LocalModelState[] = [];
    control.subscribe((state) => seen.push(state));

    await expect(control.select("/models/broken.gguf")).rejects.toThrow(/cannot unload before/);
    expect(control.state).toMatchObject({ status: "error", modelPath: "/models/broken.gguf", message: expect.stringContaining("could not be switched") });
    expect(seen.at(-1)?.status).toBe("error");

    await expect(control.select("/models/good.gguf")).resolves.toBeUndefined();
    expect(control.state).toEqual({ status: "idle", modelPath: "/models/good.gguf" });
    expect(seen.at(-1)).toEqual({ status: "idle", modelPath: "/models/good.gguf" });
  });
});
