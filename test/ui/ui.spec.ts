import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import OpenAI from "openai";
import { keychainTestAvailability } from "../../gateway/secrets/keychain-test-availability.js";
import { createLocalTier } from "../../gateway/models/create-local-tier.js";
import { startFakeOpenAIProvider, type FakeOpenAIProvider } from "../fakes/fake-openai-provider.js";
import { createTinyTestModel, type TinyTestModel } from "../fixtures/tiny-test-model.js";
import { startTestGateway, type TestGateway } from "../support/start-test-gateway.js";

// The UI against a real gateway: real SQLite, the tiny local model, a fake cloud provider that
// records what it received, and the built renderer (`npm run build` first). One page walks
// through the views in order, as a user would, and saves a screenshot of each.

const repositoryRoot = join(import.meta.dirname, "..", "..");
const screenshots = join(repositoryRoot, "test-results", "ui", "screenshots");
const keychain = keychainTestAvailability();
const spareKey = `sk-uitest-${randomBytes(12).toString("hex")}`;

let model: TinyTestModel;
let provider: FakeOpenAIProvider;
let harness: TestGateway;
let client: OpenAI;
let context: BrowserContext;
let page: Page;
const consoleErrors: string[] = [];
const sent: { local?: string; cloud?: string } = {};

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ browser }) => {
  mkdirSync(screenshots, { recursive: true });
  model = await createTinyTestModel("tiny-ui.gguf");
  provider = await startFakeOpenAIProvider();
  harness = await startTestGateway({
    config: {
      local: { model: model.path, contextSize: 2048, sequences: 2 },
      providers: [
        {
          id: "fake",
          kind: "openai-compatible",
          baseUrl: provider.baseUrl,
          models: [{ id: "fake-model", inputPerMillion: 1, outputPerMillion: 2 }],
          dataPolicy: { retentionDays: 0, trainsOnData: false, zeroDataRetention: true, region: "eu" },
        },
        { id: "spare", kind: "openai-compatible", baseUrl: "https://spare.invalid/v1", models: ["spare-model"] },
      ],
      // Keep the text of every request, so the detail view can show it beside what was sent.
      logging: { content: { default: "full" } },
    },
    env: { PRIVACY_ROUTER_KEY_FAKE: "sk-uitest-fake-0123456789abcdefghij", PRIVACY_ROUTER_KEYCHAIN_SERVICE: `privacy-router-ui-test-${process.pid}` },
    createLocalTier: (config) => createLocalTier(config, { log() {} }),
    uiDirectory: join(repositoryRoot, "dist", "renderer"),
  });
  client = new OpenAI({ baseURL: `${harness.gateway.url}/v1`, apiKey: harness.token, maxRetries: 0 });
  // One context, so a second tab can share its cookies (and not its sessionStorage).
  context = await browser.newContext();
  page = await context.newPage();
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(message.text());
  });
});

test.afterAll(async () => {
  await page?.close();
  await context?.close();
  await harness?.close();
  await provider?.close();
  await model?.remove();
});

async function screenshot(name: string): Promise<void> {
  await page.screenshot({ path: join(screenshots, `${name}.png`), fullPage: true });
}

test("signs in with the one-time link, which leaves the address bar", async () => {
  const loginUrl = harness.gateway.loginUrl();
  await page.goto(loginUrl);
  await expect(page.getByRole("heading", { level: 1, name: "Live" })).toBeVisible();
  expect(page.url()).not.toContain("token");
  // The page secret came in the fragment and went into this tab's sessionStorage, out of the address bar.
  expect(page.url()).not.toContain("session=");
  const stored = JSON.parse(await page.evaluate<string>("JSON.stringify(Object.values(sessionStorage))")) as string[];
  expect(stored.some((value) => /^[A-Za-z0-9_-]{43}$/.test(value))).toBe(true);
  await expect(page.getByRole("status").filter({ hasText: /^Live$/ })).toBeVisible();
  // The link works once.
  const second = await page.request.get(loginUrl, { maxRedirects: 0 });
  expect(second.status()).toBeGreaterThanOrEqual(400);
  // The browser's own cookie jar, replayed without the page's header (as a server on another
  // port of 127.0.0.1 would receive it), opens nothing, even with our Origin.
  const cookies = await page.context().cookies(harness.gateway.url);
  expect(cookies.map((cookie) => cookie.name)).toContain(`privacy_router_session_${harness.gateway.port}`);
  const replayed = await page.request.get(`${harness.gateway.url}/admin/v1/session`, { headers: { origin: harness.gateway.url } });
  expect(replayed.status()).toBe(401);
});

test("a new tab has no session of its own and says how to sign in", async () => {
  const other = await context.newPage();
  try {
    await other.goto(`${harness.gateway.url}/#/live`);
    await expect(other.getByRole("alert")).toContainText("privacy-router login");
  } finally {
    await other.close();
  }
  // The first tab is still signed in.
  await expect(page.getByRole("status").filter({ hasText: /^Live$/ })).toBeVisible();
});

test("shows requests live, with their route and the id from the response header", async () => {
  const local = await client.chat.completions.create({ model: "local", messages: [{ role: "user", content: "Hello there" }], max_tokens: 8, seed: 1 }).withResponse();
  sent.local = local.response.headers.get("x-privacy-router-request-id") ?? "";
  const cloud = await client.chat.completions
    .create({ model: "fake/fake-model", messages: [{ role: "user", content: "Please mail ada@example.org about the meeting" }] })
    .withResponse();
  sent.cloud = cloud.response.headers.get("x-privacy-router-request-id") ?? "";
  expect(cloud.response.headers.get("x-privacy-router-route")).toBe("cloud");

  const localRow = page.locator(`a[data-request-id="${sent.local}"]`);
  const cloudRow = page.locator(`a[data-request-id="${sent.cloud}"]`);
  await expect(localRow).toHaveAttribute("data-route", "local");
  await expect(localRow.locator(".badge")).toHaveText("local");
  await expect(cloudRow).toHaveAttribute("data-route", "cloud");
  await expect(cloudRow.locator(".badge")).toHaveText("fake");
  await expect(cloudRow).toContainText(sent.cloud);
  await expect(cloudRow).toContainText("test-client");
  await screenshot("live");
});

test("opens a request: the decision, highlighted findings in the original, and exactly what was sent", async () => {
  await page.locator(`a[data-request-id="${sent.cloud}"]`).click();
  await expect(page).toHaveURL(new RegExp(`#/requests/${sent.cloud}$`));
  await expect(page.getByRole("heading", { level: 1 })).toContainText(sent.cloud ?? "");
  await expect(page.locator(".finding-counts")).toContainText("EMAIL");

  const original = page.getByLabel("user message, original");
  await expect(original.locator('mark[data-finding-type="EMAIL"]')).toHaveText("ada@example.org");

  // The provider's record of what reached it is the truth the UI must match.
  const received = JSON.parse(provider.received[provider.received.length - 1]?.body ?? "{}") as { messages: Array<{ content: string }> };
  const receivedText = received.messages[0]?.content ?? "";
  expect(receivedText).not.toContain("ada@example.org");
  const asSent = page.getByLabel("user message, as sent");
  await expect(asSent).toHaveText(receivedText);
  await expect(asSent.locator("mark")).toHaveCount(1);
  // The rebuilt body hashes to what the egress gate recorded for the bytes it sent.
  await expect(page.getByText("Its bytes match the SHA-256 recorded")).toBeVisible();
  await expect(page.locator("#attempts-title + table")).toContainText("answered");
  await screenshot("request");
});

test("filters the audit log", async () => {
  await page.goto(`${harness.gateway.url}/#/audit`);
  await expect(page.locator(`a[data-request-id="${sent.cloud}"]`)).toBeVisible();
  await page.getByLabel("Route").selectOption("local");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.locator(`a[data-request-id="${sent.local}"]`)).toBeVisible();
  await expect(page.locator(`a[data-request-id="${sent.cloud}"]`)).toHaveCount(0);
  const routes = await page.locator("a[data-request-id]").evaluateAll((rows) => rows.map((row) => row.getAttribute("data-route")));
  expect(routes.length).toBeGreaterThan(0);
  expect(new Set(routes)).toEqual(new Set(["local"]));
  await page.getByRole("button", { name: "Verify chain" }).click();
  await expect(page.getByTestId("verification")).toContainText("Verified");
  await screenshot("audit");

  // The export downloads through a single-use ticket (a download cannot send the session header).
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export CSV" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.csv$/);
  expect(readFileSync(await file.path(), "utf8")).toContain(sent.cloud ?? "missing");
  expect(file.url()).toContain("ticket=");
  const reused = await page.request.get(file.url());
  expect(reused.status()).toBe(401);
});

test("sets a provider key and shows only that it is configured", async () => {
  test.skip(!keychain.run && !keychain.mustFail, keychain.reason);
  await page.goto(`${harness.gateway.url}/#/providers`);
  const card = page.locator('[data-provider-id="spare"]');
  await expect(card.getByTestId("key-status-spare")).toContainText("not configured");
  await card.getByLabel("Set key").fill(spareKey);
  await card.getByRole("button", { name: "Save key" }).click();
  await expect(card.getByTestId("key-status-spare")).toContainText("configured (OS keychain)");
  await expect(card.getByLabel("Replace key")).toHaveValue("");
  expect(await page.content()).not.toContain(spareKey);
  await screenshot("providers");
  await card.getByRole("button", { name: "Delete key" }).click();
  await expect(card.getByTestId("key-status-spare")).toContainText("not configured");
});

test("refuses a policy with a mistake and says where", async () => {
  await page.goto(`${harness.gateway.url}/#/policy`);
  const editor = page.getByLabel("Configuration (YAML)");
  await expect(editor).not.toHaveValue("");
  const original = await editor.inputValue();
  await editor.fill(`${original.trimEnd()}\npolicy:\n  classes:\n    health: sideways\n`);
  await page.getByRole("button", { name: "Save and apply" }).click();
  const issues = page.locator("#config-issues");
  await expect(issues).toContainText("health");
  await expect(editor).toHaveAttribute("aria-invalid", "true");
  await page.getByLabel("Prompt (text, or a chat completion request as JSON)").fill("Write to grace@example.com tomorrow");
  await page.getByRole("button", { name: "Run" }).click();
  await expect(page.getByTestId("dry-run-result").locator('mark[data-finding-type="EMAIL"]')).toHaveText("grace@example.com");
  await screenshot("policy");
  await page.getByRole("button", { name: "Discard changes" }).click();
});

test("shows the overview, the local model and the connect page", async () => {
  await page.goto(`${harness.gateway.url}/#/overview`);
  await expect(page.locator(".stat-value").first()).toHaveText(/\d/);
  await expect(page.locator(".chart svg").first()).toBeVisible();
  await screenshot("overview");

  await page.goto(`${harness.gateway.url}/#/model`);
  await expect(page.getByRole("heading", { level: 2, name: "In use" })).toBeVisible();
  await screenshot("model");

  await page.goto(`${harness.gateway.url}/#/connect`);
  await page.getByLabel("New token for").fill("ui-test-tool");
  await page.getByRole("button", { name: "Create" }).click();
  const token = await page.getByTestId("created-token").innerText();
  expect(token).toMatch(/^prt_/);
  await expect(page.getByRole("row", { name: /ui-test-tool/ })).toBeVisible();
  await screenshot("connect");
  await page.getByRole("button", { name: "Done" }).click();
  expect(await page.content()).not.toContain(token);

  // The dark palette follows the system setting.
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto(`${harness.gateway.url}/#/live`);
  await expect(page.locator(`a[data-request-id="${sent.cloud}"]`)).toBeVisible();
  await screenshot("live-dark");
  await page.emulateMedia({ colorScheme: "light" });
});

test("signs out, and explains how to sign in again when the session is gone", async () => {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Signed out" })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("alert")).toContainText("Your session has ended");
  await expect(page.getByRole("alert")).toContainText("privacy-router login");
  await screenshot("signed-out");
});

test("keeps to the page's content security policy", async () => {
  expect(consoleErrors.filter((text) => /Content Security Policy|Refused to/i.test(text))).toEqual([]);
});
