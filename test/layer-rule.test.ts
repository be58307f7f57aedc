import { fileURLToPath } from "node:url";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const repositoryRoot = fileURLToPath(new URL("..", import.meta.url));

// Lints in-memory snippets as if they lived in each layer, proving that eslint.config.js
// rejects imports across layers (the files need not exist).
async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: repositoryRoot });
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((message) => message.ruleId === "no-restricted-imports").map((message) => message.message);
}

describe("the layer rule", () => {
  it.each([
    ["gateway/layer-probe.ts", `import { createWindow } from "../electron/main.js";`],
    ["gateway/server/layer-probe.ts", `export type { Window } from "../../electron/window.js";`],
    ["gateway/layer-probe.ts", `import { app } from "electron";`],
    ["gateway/layer-probe.ts", `import { useStore } from "../renderer/store.js";`],
    ["shared/layer-probe.ts", `import type { KeyStore } from "../gateway/secrets/key-store.js";`],
    ["renderer/layer-probe.tsx", `import { createKeyStore } from "../gateway/secrets/key-store.js";`],
    ["renderer/layer-probe.ts", `import { readFile } from "node:fs/promises";`],
    ["renderer/layer-probe.ts", `import path from "path";`],
    ["electron/layer-probe.ts", `import { createGatewayApp } from "../gateway/server/app.js";`],
    ["electron/main/layer-probe.ts", `import { App } from "../../renderer/app.js";`],
    ["models/layer-probe.ts", `import { ModelLibrary } from "../gateway/models/model-library.js";`],
    ["models/layer-probe.ts", `import { App } from "../renderer/app.js";`],
    ["models/layer-probe.ts", `import { createWindow } from "../electron/main.js";`],
  ])("rejects %s: %s", async (filePath, code) => {
    const messages = await restrictedImports(filePath, `${code}\n`);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/may import|imports no other layer|Only electron\/|no Node built-ins/);
  });

  it.each([
    ["gateway/layer-probe.ts", `import type { Finding } from "../shared/findings.js";`],
    ["gateway/layer-probe.ts", `import { readFile } from "node:fs/promises";`],
    ["gateway/models/layer-probe.ts", `import { modelCatalogue } from "../../models/catalogue.js";`],
    ["models/layer-probe.ts", `import type { CatalogueModel } from "../shared/local-models.js";`],
    ["renderer/layer-probe.ts", `import type { Finding } from "../shared/findings.js";`],
    ["electron/layer-probe.ts", `import { app } from "electron";`],
    ["electron/layer-probe.ts", `import type { Finding } from "../shared/findings.js";`],
    ["test/layer-probe.ts", `import { createKeyStore } from "../gateway/secrets/key-store.js";`],
  ])("allows %s: %s", async (filePath, code) => {
    expect(await restrictedImports(filePath, `${code}\n`)).toEqual([]);
  });
});
