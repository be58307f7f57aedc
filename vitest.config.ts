import { defineConfig } from "vitest/config";

// Native addons (llama.cpp, SQLite, the keychain) and worker threads do not mix well:
// every test file runs in its own forked process.
export default defineConfig({
  test: {
    include: ["{shared,gateway,models,test,electron,renderer}/**/*.test.ts"],
    pool: "forks",
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
