import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import OpenAI from "openai";
import { parse } from "yaml";
import type { CatalogueModel, ModelsOverview } from "../../shared/local-models.js";
import type { LocalOnlyState, ProviderList } from "../../shared/admin-api.js";
import { modelCatalogue } from "../../models/catalogue.js";
import { createLocalTier } from "../../gateway/models/create-local-tier.js";
import { startFakeOpenAIProvider, type FakeOpenAIProvider } from "../fakes/fake-openai-provider.js";
import { startFakeModelServer, type FakeModelServer } from "../fakes/fake-model-server.js";
import { createTinyTestModel, type TinyTestModel } from "../fixtures/tiny-test-model.js";
import { startTestGateway, type TestGateway } from "../support/start-test-gateway.js";

// The settings views against a real gateway: every test signs in on a page of its own and
// checks what the page shows against what the gateway did (its config file, its admin API,
// what the fake provider and the fake model host received).

const repositoryRoot = join(import.meta.dirname, "..", "..");
const providerKey = "sk-uisettings-fake-0123456789abcdefghij";

let model: TinyTestModel;
let provider: FakeOpenAIProvider;
let modelServer: FakeModelServer;
let modelBytes: Buffer;
let harness: TestGateway;
let client: OpenAI;
let adminToken: string;
let page: Page;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  model = await createTinyTestModel("tiny-ui-settings.gguf");
  modelBytes = readFileSync(model.path);
  modelServer = await startFakeModelServer(modelBytes);
  provider = await startFakeOpenAIProvider();
  // Unpinned, so the page must ask before downloading it.
  const downloadable: CatalogueModel = { ...(modelCatalogue[0] as CatalogueModel), id: "tiny-download", name: "Tiny download model", url: modelServer.url, sizeBytes: modelBytes.length, sha256: null };
  harness = await startTestGateway({
    config: {
      local: { model: model.path, contextSize: 2048, sequences: 2 },
      providers: [
        {
          id: "fake",
          kind: "openai-compatible",
          baseUrl: provider.baseUrl,
          models: ["fake-model"],
          dataPolicy: { retentionDays: 0, trainsOnData: false, zeroDataRetention: true, region: "eu" },
        },
      ],
    },
    env: { PRIVACY_ROUTER_KEY_FAKE: providerKey, PRIVACY_ROUTER_KEYCHAIN_SERVICE: `privacy-router-ui-settings-${process.pid}` },
    modelCatalogue: [downloadable],
    createLocalTier: (config, logger, context) => createLocalTier(config, { log() {} }, context),
    uiDirectory: join(repositoryRoot, "dist", "renderer"),
  });
  client = new OpenAI({ baseURL: `${harness.gateway.url}/v1`, apiKey: harness.token, maxRetries: 0 });
  adminToken = harness.gateway.tokens.create("ui-settings-admin", { admin: true });
});

test.afterAll(async () => {
  await harness?.close();
  await provider?.close();
  await modelServer?.close();
  await model?.remove();
});

test.beforeEach(async ({ browser }) => {
  const context = await browser.newContext();
  page = await context.newPage();
  await page.goto(harness.gateway.loginUrl());
  await expect(page.getByRole("heading", { level: 1, name: "Live" })).toBeVisible();
});

test.afterEach(async () => {
  await page?.context().close();
});

async function admin<T>(path: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(`${harness.gateway.url}${path}`, { ...init, headers: { authorization: `Bearer ${adminToken}`, "content-type": "application/json" } });
  expect(response.ok, `${init.method ?? "GET"} ${path}`).toBe(true);
  return (await response.json()) as T;
}

interface SavedProvider {
  id: string;
  baseUrl?: string;
  models?: unknown[];
  dataPolicy?: { retentionDays?: number | null; trainsOnData?: boolean; zeroDataRetention?: boolean; region?: string | null };
}

function savedProviders(): SavedProvider[] {
  const saved = parse(readFileSync(join(harness.dataDir, "config.yaml"), "utf8")) as { providers?: SavedProvider[] };
  return saved.providers ?? [];
}

function filesNamed(directory: string, name: string): string[] {
  return readdirSync(directory, { recursive: true, encoding: "utf8" }).filter((entry) => entry.endsWith(name)).map((entry) => join(directory, entry));
}

test("adds a provider with its data terms, edits them, and removes it", async () => {
  const id = `added-${randomBytes(3).toString("hex")}`;
  await page.goto(`${harness.gateway.url}/#/providers`);
  await page.getByRole("button", { name: "Add provider" }).click();
  const dialog = page.getByRole("dialog", { name: "Add a provider" });
  await dialog.getByLabel("Id", { exact: true }).fill(id);
  await dialog.getByLabel("Kind").selectOption("openai-compatible");
  await dialog.getByLabel("Base URL").fill(provider.baseUrl);
  await dialog.getByLabel("Models (comma-separated)").fill("model-a, model-b");
  await dialog.getByLabel("Keeps data for (days; empty if unknown)").fill("30");
  await dialog.getByLabel("Trains on submitted data").check();
  await dialog.getByLabel("Region").fill("us");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog).toBeHidden();

  const card = page.getByRole("article", { name: id, exact: true });
  await expect(card).toContainText("model-a, model-b");
  await expect(card).toContainText("keeps data 30 days · trains on data · region us");
  let saved = savedProviders().find((entry) => entry.id === id);
  expect(saved).toMatchObject({ baseUrl: provider.baseUrl, models: ["model-a", "model-b"], dataPolicy: { retentionDays: 30, trainsOnData: true, zeroDataRetention: false, region: "us" } });
  let listed = await admin<ProviderList>("/admin/v1/providers");
  expect(listed.providers.map((entry) => entry.id)).toContain(id);

  await card.getByRole("button", { name: "Edit" }).click();
  const editor = page.getByRole("dialog", { name: `Edit ${id}` });
  await expect(editor.getByLabel("Id", { exact: true })).toBeDisabled();
  await expect(editor.getByLabel("Keeps data for (days; empty if unknown)")).toHaveValue("30");
  await editor.getByLabel("Keeps data for (days; empty if unknown)").fill("0");
  await editor.getByLabel("Zero data retention").check();
  await editor.getByLabel("Trains on submitted data").uncheck();
  await editor.getByLabel("Region").fill("eu");
  await editor.getByLabel("Models (comma-separated)").fill("model-b");
  await editor.getByRole("button", { name: "Save" }).click();
  await expect(editor).toBeHidden();
  await expect(card).toContainText("zero data retention · no training · region eu");
  await expect(card).not.toContainText("model-a");
  saved = savedProviders().find((entry) => entry.id === id);
  expect(saved).toMatchObject({ models: ["model-b"], dataPolicy: { retentionDays: 0, trainsOnData: false, zeroDataRetention: true, region: "eu" } });

  await card.getByRole("button", { name: "Remove…" }).click();
  await card.getByRole("button", { name: "Remove", exact: true }).click();
  await expect(card).toHaveCount(0);
  expect(savedProviders().map((entry) => entry.id)).not.toContain(id);
  listed = await admin<ProviderList>("/admin/v1/providers");
  expect(listed.providers.map((entry) => entry.id)).not.toContain(id);
  // The provider the config started with is untouched.
  await expect(page.getByRole("article", { name: "fake", exact: true })).toBeVisible();
});

test("refuses a provider whose base URL is not a URL, and saves nothing", async () => {
  const id = `broken-${randomBytes(3).toString("hex")}`;
  await page.goto(`${harness.gateway.url}/#/providers`);
  await page.getByRole("button", { name: "Add provider" }).click();
  const dialog = page.getByRole("dialog", { name: "Add a provider" });
  await dialog.getByLabel("Id", { exact: true }).fill(id);
  await dialog.getByLabel("Base URL").fill("not a url");
  await dialog.getByLabel("Models (comma-separated)").fill("model-a");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog.getByLabel("Base URL")).toHaveAccessibleDescription(/.+/);
  await expect(dialog).toBeVisible();
  expect(savedProviders().map((entry) => entry.id)).not.toContain(id);
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByRole("article", { name: id, exact: true })).toHaveCount(0);
});

test("tests the connection to a provider with its key", async () => {
  await page.goto(`${harness.gateway.url}/#/providers`);
  const card = page.getByRole("article", { name: "fake", exact: true });
  const before = provider.received.length;
  await card.getByRole("button", { name: "Test connection" }).click();
  await expect(card.getByRole("status")).toContainText("Connected");
  await expect(card.getByRole("status")).toContainText("1 models listed");
  const calls = provider.received.slice(before);
  expect(calls.length).toBeGreaterThan(0);
  expect(calls.every((call) => call.method === "GET")).toBe(true);
  expect(calls.some((call) => call.path.startsWith("/v1/models"))).toBe(true);
  expect(calls.every((call) => call.headers.authorization === `Bearer ${providerKey}`)).toBe(true);
  expect(await page.content()).not.toContain(providerKey);
});

test("asks before downloading an unpinned model, then downloads, installs and removes it", async () => {
  await page.goto(`${harness.gateway.url}/#/model`);
  const item = page.getByRole("listitem").filter({ hasText: "Tiny download model" });
  const requestsBefore = modelServer.ranges.length;

  await item.getByRole("button", { name: "Download", exact: true }).click();
  const question = item.getByRole("alertdialog");
  await expect(question).toContainText("no pinned SHA-256");
  await question.getByRole("button", { name: "Don't download" }).click();
  await expect(question).toHaveCount(0);
  expect(modelServer.ranges.length).toBe(requestsBefore);

  await item.getByRole("button", { name: "Download", exact: true }).click();
  await item.getByRole("alertdialog").getByRole("button", { name: "Download unverified" }).click();
  await expect(item.getByRole("button", { name: "Use" })).toBeVisible();
  expect(modelServer.ranges.length).toBeGreaterThan(requestsBefore);
  const overview = await admin<ModelsOverview>("/admin/v1/models");
  expect(overview.catalogue.find((entry) => entry.id === "tiny-download")).toMatchObject({ installed: true, download: null, active: false });
  const files = filesNamed(harness.dataDir, "tiny-download.gguf");
  expect(files).toHaveLength(1);
  expect(readFileSync(files[0] ?? "").equals(modelBytes)).toBe(true);

  // Leave the gateway as it was: not installed.
  await item.getByRole("button", { name: "Remove" }).click();
  await expect(item.getByRole("button", { name: "Download", exact: true })).toBeVisible();
  expect(existsSync(files[0] ?? "")).toBe(false);
  const after = await admin<ModelsOverview>("/admin/v1/models");
  expect(after.catalogue.find((entry) => entry.id === "tiny-download")).toMatchObject({ installed: false });
});

test("the header's Local only switch keeps a cloud request on this machine until it is turned off", async () => {
  const request = () => client.chat.completions.create({ model: "fake/fake-model", messages: [{ role: "user", content: "Please mail ada@example.org about the meeting" }], max_tokens: 4 }).withResponse();
  const off = page.getByRole("button", { name: "Local only: off" });
  await expect(off).toHaveAttribute("aria-pressed", "false");
  await off.click();
  const on = page.getByRole("button", { name: "Local only: on" });
  try {
    await expect(on).toHaveAttribute("aria-pressed", "true");
    expect((await admin<LocalOnlyState>("/admin/v1/local-only")).on).toBe(true);
    const before = provider.received.length;
    const kept = await request();
    expect(kept.response.headers.get("x-privacy-router-route")).toBe("local");
    expect(provider.received.length).toBe(before);

    await on.click();
    await expect(page.getByRole("button", { name: "Local only: off" })).toHaveAttribute("aria-pressed", "false");
    expect((await admin<LocalOnlyState>("/admin/v1/local-only")).on).toBe(false);
    const sent = await request();
    expect(sent.response.headers.get("x-privacy-router-route")).toBe("cloud");
    expect(provider.received.length).toBe(before + 1);
  } finally {
    // Whatever failed above, the next test starts with cloud traffic allowed.
    await admin<LocalOnlyState>("/admin/v1/local-only", { method: "PUT", body: JSON.stringify({ on: false }) });
  }
});
