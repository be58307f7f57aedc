import { describe, expect, it } from "vitest";
import { SequencePool } from "./sequence-pool.js";

const never = new AbortController().signal;

describe("SequencePool", () => {
  it("hands out free items at once and queues callers when all are busy", async () => {
    const pool = new SequencePool(["a", "b"]);
    const first = await pool.acquire(never);
    const second = await pool.acquire(never);
    expect(new Set([first, second])).toEqual(new Set(["a", "b"]));

    let third: string | undefined;
    const waiting = pool.acquire(never).then((item) => (third = item));
    await Promise.resolve();
    expect(third).toBeUndefined();
    expect(pool.waiting).toBe(1);

    pool.release(first);
    await waiting;
    expect(third).toBe(first);
    expect(pool.waiting).toBe(0);
  });

  it("serves waiters in arrival order", async () => {
    const pool = new SequencePool([1]);
    const held = await pool.acquire(never);
    const order: string[] = [];
    const early = pool.acquire(never).then((item) => {
      order.push("early");
      pool.release(item);
    });
    const late = pool.acquire(never).then(() => order.push("late"));
    pool.release(held);
    await Promise.all([early, late]);
    expect(order).toEqual(["early", "late"]);
  });

  it("drops a waiter whose signal aborts, with the signal's reason", async () => {
    const pool = new SequencePool([1]);
    await pool.acquire(never);
    const controller = new AbortController();
    const waiting = pool.acquire(controller.signal);
    controller.abort(new Error("client went away"));
    await expect(waiting).rejects.toThrow("client went away");
    expect(pool.waiting).toBe(0);
  });

  it("rejects waiters and later callers once closed", async () => {
    const pool = new SequencePool([1]);
    await pool.acquire(never);
    const waiting = pool.acquire(never);
    pool.close(new Error("unloaded"));
    await expect(waiting).rejects.toThrow("unloaded");
    await expect(pool.acquire(never)).rejects.toThrow("unloaded");
  });
});
