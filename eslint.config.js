// Lint for the whole repository. Besides the recommended rules, it enforces the layers of
// docs/architecture.md: shared/ is pure, gateway/ is Node, renderer/ is the browser,
// electron/ is the desktop shell and models/ is data (the catalogue, the test-model
// generator). A wrong import fails `npm run lint`, not only a review.
import { builtinModules } from "node:module";
import js from "@eslint/js";
import { defineConfig } from "eslint/config";
import globals from "globals";
import tseslint from "typescript-eslint";

const sourceFiles = "**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}";

/**
 * A relative import that passes through one of our top-level layer folders. Matching the
 * folder name anywhere in the path (not only after the right number of `../`) is stricter
 * than needed, and keeps the rule free of path resolution: no layer has a subfolder with a
 * layer's name.
 */
function layerImport(layers, message) {
  return { regex: `^\\.\\.?/(?:.*/)?(?:${layers.join("|")})(?:/|$)`, message };
}

const electronPackage = {
  regex: "^electron(?:/|$)",
  message: "Only electron/ may import the electron package; the gateway runs as plain Node too.",
};

const nodeBuiltins = {
  regex: `^(?:node:.*|(?:${builtinModules.map((name) => name.replace(/[/.]/g, "\\$&")).join("|")})(?:/.*)?)$`,
  message: "renderer/ runs in a sandboxed browser window: no Node built-ins; ask the gateway over HTTP.",
};

function layerRule(forbidden) {
  return { "no-restricted-imports": ["error", { patterns: forbidden }] };
}

export default defineConfig(
  {
    ignores: ["dist/", "**/dist/", "node_modules/", "coverage/", ".test-data/", "bench/results/", "out/", "release/"],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: [sourceFiles],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // Relaxed to a warning: `let server; server = serve(..., () => server.off(...))` is a
      // readable way for a callback to reach the object it was handed to.
      "prefer-const": "error",
      // `_name` marks a parameter an interface requires but this implementation ignores.
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
    },
  },
  {
    files: [`renderer/${sourceFiles}`],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: [`shared/${sourceFiles}`],
    rules: layerRule([
      layerImport(["gateway", "electron", "renderer"], "shared/ imports no other layer: it is used by all of them."),
      electronPackage,
    ]),
  },
  {
    files: [`gateway/${sourceFiles}`],
    rules: layerRule([
      layerImport(["electron", "renderer"], "gateway/ may import shared/ and models/ only; move a type both sides need to shared/."),
      electronPackage,
    ]),
  },
  {
    files: [`models/${sourceFiles}`],
    rules: layerRule([
      layerImport(["gateway", "electron", "renderer"], "models/ is data: it may import shared/ only, and gateway/ imports it."),
      electronPackage,
    ]),
  },
  {
    files: [`renderer/${sourceFiles}`],
    rules: layerRule([
      layerImport(["gateway", "electron"], "renderer/ may import shared/ only; it talks to the gateway over HTTP and SSE."),
      electronPackage,
      nodeBuiltins,
    ]),
  },
  {
    files: [`electron/${sourceFiles}`],
    rules: layerRule([
      layerImport(
        ["gateway", "renderer"],
        "electron/ may import shared/ only; it starts the gateway as a process and loads the UI over HTTP.",
      ),
    ]),
  },
);
