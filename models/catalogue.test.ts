import { describe, expect, it } from "vitest";
import { defaultLocalModelId } from "../shared/local-models.js";
import { findCatalogueModel, modelCatalogue } from "./catalogue.js";

describe("the model catalogue", () => {
  it("has the default model the error messages tell users to pull, and a stronger one", () => {
    expect(findCatalogueModel(defaultLocalModelId)?.role).toBe("default");
    expect(modelCatalogue.some((model) => model.role === "stronger")).toBe(true);
  });

  it("has unique, file-name-safe ids, HTTPS GGUF URLs, and either a real SHA-256 or none", () => {
    expect(new Set(modelCatalogue.map((model) => model.id)).size).toBe(modelCatalogue.length);
    for (const model of modelCatalogue) {
      expect(model.id).toMatch(/^[a-z0-9][a-z0-9._-]*$/);
      expect(new URL(model.url).protocol).toBe("https:");
      expect(model.url.toLowerCase()).toMatch(/\.gguf$/);
      expect(model.sha256 === null || /^[0-9a-f]{64}$/.test(model.sha256)).toBe(true);
      expect(model.memoryBytes).toBeGreaterThan(model.sizeBytes);
    }
  });
});
