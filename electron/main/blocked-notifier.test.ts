import { describe, expect, it } from "vitest";
import { BlockedNotifier } from "./blocked-notifier.js";

function manualTimers() {
  const pending = new Map<number, () => void>();
  let next = 1;
  return {
    pending,
    set: (callback: () => void) => {
      pending.set(next, callback);
      return next++;
    },
    clear: (handle: unknown) => void pending.delete(handle as number),
    fire() {
      const [id, callback] = [...pending.entries()][0] ?? [];
      if (id === undefined || !callback) throw new Error("no timer");
      pending.delete(id);
      callback();
    },
  };
}

describe("blocked-request notifications", () => {
  it("shows the first at once, then one summary per quiet period instead of a flood", () => {
    const shown: Array<[string, string]> = [];
    const timers = manualTimers();
    const notifier = new BlockedNotifier((title, body) => shown.push([title, body]), timers);
    notifier.notify({ reason: "a secret may not leave this machine" });
    notifier.notify({ reason: "health data stays local" });
    notifier.notify({ reason: "no local model is configured" });
    expect(shown).toEqual([["Privacy Router blocked a request", "a secret may not leave this machine"]]);
    timers.fire();
    expect(shown[1]).toEqual(["Privacy Router blocked 2 more requests", "no local model is configured"]);
    timers.fire();
    expect(shown).toHaveLength(2);
    expect(timers.pending.size).toBe(0);
    notifier.notify({});
    expect(shown[2]).toEqual(["Privacy Router blocked a request", "The policy refused it. The audit log has the details."]);
    notifier.dispose();
    expect(timers.pending.size).toBe(0);
  });
});
