import { describe, expect, it } from "vitest";
import { defaultLocalModelId } from "../shared/local-models.js";
import { findCatalogueModel, modelCatalogue } from "./catalogue.js";

describe("the model catalogue", () => {
  it("has the default model the error messages tell users to pull, and a stronger one", () => {
    expect(findCatalogueModel(defaultLocalModelId)?.role).toBe("default");
    expect(modelCatalogue.some((model) => model.role === "stronger")).toBe(true);
  });

  it("has unique ids that are safe as file names (the gateway's id rule)", () => {
    expect(new Set(modelCatalogue.map((model) => model.id)).size).toBe(modelCatalogue.length);
    for (const model of modelCatalogue) {
      expect(model.id).toMatch(/^[a-z0-9][a-z0-9._-]{0,127}$/);
      expect(model.id).not.toContain("..");
      expect(model.memoryBytes).toBeGreaterThan(model.sizeBytes);
    }
  });

  // LESSONS: models pinned by sha256. A shipped entry without a hash or on a moving branch fails here.
  it.each(modelCatalogue.map((model) => [model.id, model] as const))("pins %s by SHA-256 and by repository commit, over HTTPS", (_id, model) => {
    expect(model.sha256).toMatch(/^[0-9a-f]{64}$/);
    const url = new URL(model.url);
    expect(url.protocol).toBe("https:");
    expect(url.hostname).toBe("huggingface.co");
    expect(url.search).toBe("");
    expect(url.pathname).toMatch(/^\/[^/]+\/[^/]+\/resolve\/[0-9a-f]{40}\/[^/]+\.gguf$/);
    expect(url.pathname.toLowerCase()).toContain(model.quantization.toLowerCase());
  });

  it("never lists one file twice under different ids", () => {
    const hashes = modelCatalogue.map((model) => model.sha256);
    expect(new Set(hashes).size).toBe(hashes.length);
  });
});
