import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AuditVerificationState } from "../../shared/admin-api.js";
import { openTestTrail, testKeychainService, type TestTrail } from "../support/open-test-trail.js";
import { assertBuilt } from "../support/run-cli.js";
import { sampleReceipt } from "../support/sample-receipt.js";

type TrailVerifierModule = typeof import("../../gateway/server/trail-verifier.js");
type AdminEventsModule = typeof import("../../gateway/server/admin-events.js");

// The worker thread only runs from the build (the test runner cannot load TypeScript in a
// worker), so this test drives the built verifier: `npm run build` first, as `npm test` does.
const builtVerifier = new URL("../../dist/gateway/server/trail-verifier.js", import.meta.url);
const builtEvents = new URL("../../dist/gateway/server/admin-events.js", import.meta.url);
const builtWorker = new URL("../../dist/gateway/audit/verify-trail-worker.js", import.meta.url);

let harness: TestTrail;
let built: { verifier: TrailVerifierModule; events: AdminEventsModule };

beforeAll(async () => {
  assertBuilt();
  expect(existsSync(fileURLToPath(builtWorker))).toBe(true);
  built = {
    verifier: (await import(builtVerifier.href)) as TrailVerifierModule,
    events: (await import(builtEvents.href)) as AdminEventsModule,
  };
  harness = await openTestTrail();
  for (let index = 1; index <= 20; index++) harness.record(sampleReceipt({ requestId: `req_${index}` }));
  await harness.trail.flushHead();
});

afterAll(async () => {
  await harness?.dispose();
});

function newVerifier(): { verifier: InstanceType<TrailVerifierModule["TrailVerifier"]>; published: AuditVerificationState[] } {
  const events = new built.events.AdminEventBus();
  const published: AuditVerificationState[] = [];
  events.subscribe((event) => {
    if (event.type === "audit.verify") published.push(event.verification);
  });
  const verifier = new built.verifier.TrailVerifier({ dataDir: harness.dataDir, keychain: harness.keychain, service: testKeychainService }, events);
  return { verifier, published };
}

describe("the built trail verifier", () => {
  it("verifies the trail in its worker thread", async () => {
    const { verifier, published } = newVerifier();
    expect(verifier.start().state).toBe("running");
    await verifier.settled();
    expect(verifier.state()).toMatchObject({ state: "done", error: null, result: { ok: true, records: 20, firstBroken: null } });
    expect(published.map((state) => state.state)).toEqual(["running", "done"]);
  });

  it("stops a running verification when disposed, and starts no other", async () => {
    const { verifier } = newVerifier();
    verifier.start();
    await verifier.dispose();
    expect(verifier.state()).toMatchObject({ state: "failed", result: null, error: "the gateway stopped before the verification finished" });
    expect(verifier.start()).toMatchObject({ state: "failed" });
    await verifier.settled();
    expect(verifier.state().state).toBe("failed");
  });
});
