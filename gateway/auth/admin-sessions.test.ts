import { describe, expect, it } from "vitest";
import { AdminSessions } from "./admin-sessions.js";

function clockAt(start: string): { now: () => Date; advance: (ms: number) => void } {
  let current = Date.parse(start);
  return { now: () => new Date(current), advance: (ms) => (current += ms) };
}

describe("admin sessions", () => {
  it("need the page secret and the cookie of the same session", () => {
    const sessions = new AdminSessions();
    const first = sessions.create();
    const second = sessions.create();
    expect(first.pageSecret).not.toBe(first.cookieId);
    expect(sessions.touch(first.pageSecret, [first.cookieId])).toBeDefined();
    expect(sessions.touch(first.pageSecret, [])).toBeUndefined();
    expect(sessions.touch(first.pageSecret, [second.cookieId])).toBeUndefined();
    expect(sessions.touch(first.cookieId, [first.cookieId])).toBeUndefined();
    // A planted value beside the real one changes nothing; too many values are refused.
    expect(sessions.touch(first.pageSecret, ["planted", first.cookieId])).toBeDefined();
    expect(sessions.touch(first.pageSecret, [...Array.from({ length: 8 }, () => "planted"), first.cookieId])).toBeUndefined();
  });

  it("end after the idle timeout, and at the absolute lifetime however busy", () => {
    const clock = clockAt("2026-03-01T08:00:00.000Z");
    const sessions = new AdminSessions({ clock: clock.now, idleTimeoutSeconds: 60, absoluteLifetimeSeconds: 300 });
    const idle = sessions.create();
    clock.advance(60_000);
    expect(sessions.touch(idle.pageSecret, [idle.cookieId])).toBeUndefined();

    const busy = sessions.create();
    for (let minute = 1; minute < 5; minute++) {
      clock.advance(59_000);
      const found = sessions.touch(busy.pageSecret, [busy.cookieId]);
      expect(found).toBeDefined();
      expect(found?.session.expiresAt.getTime()).toBeLessThanOrEqual(found!.session.createdAt.getTime() + 300_000);
    }
    clock.advance(64_000);
    expect(sessions.touch(busy.pageSecret, [busy.cookieId])).toBeUndefined();
  });

  it("issue download tickets that work once, within a minute, with the session's cookie, and die with the session", () => {
    const clock = clockAt("2026-03-01T08:00:00.000Z");
    const sessions = new AdminSessions({ clock: clock.now });
    const session = sessions.create();
    const key = sessions.touch(session.pageSecret, [session.cookieId])?.sessionKey as string;

    const once = sessions.issueTicket(key)?.ticket as string;
    expect(sessions.redeemTicket(once, [session.cookieId])?.sessionKey).toBe(key);
    expect(sessions.redeemTicket(once, [session.cookieId])).toBeUndefined();

    const withoutCookie = sessions.issueTicket(key)?.ticket as string;
    expect(sessions.redeemTicket(withoutCookie, [])).toBeUndefined();
    expect(sessions.redeemTicket(withoutCookie, [session.cookieId])).toBeUndefined();

    const late = sessions.issueTicket(key)?.ticket as string;
    clock.advance(60_000);
    expect(sessions.redeemTicket(late, [session.cookieId])).toBeUndefined();

    const orphan = sessions.issueTicket(key)?.ticket as string;
    expect(sessions.end(key)).toBe(true);
    expect(sessions.redeemTicket(orphan, [session.cookieId])).toBeUndefined();
    expect(sessions.issueTicket(key)).toBeUndefined();
  });
});
