import type { CatalogueModel } from "../shared/local-models.js";

/**
 * Recommended local models: instruct-tuned GGUF files small enough for a laptop CPU.
 *
 * Honesty note (keep it true when editing): these values were written on a machine that cannot
 * reach Hugging Face. The file names follow the quantizer's (bartowski's) naming, the sizes come
 * from another public project's listing of the same files, and the memory figures are estimates
 * (weights + KV cache for 2 × 4096 tokens + compute buffers). None was checked against the files
 * themselves, and no SHA-256 is listed because none could be verified: `sha256: null` makes the
 * downloader compute the hash, show it and record it in the manifest (trust on first use).
 * Replace a `null` only with the hash Hugging Face shows on the file's page, and prefer URLs
 * pinned to a commit (`resolve/<commit>/…`) when you do.
 */
export const modelCatalogue: readonly CatalogueModel[] = [
  {
    id: "qwen2.5-0.5b-instruct-q4_k_m",
    name: "Qwen2.5 0.5B Instruct (Q4_K_M)",
    description: "Small and fast: the default. Fine for short, everyday requests and sensitive text that must stay here.",
    role: "default",
    parameters: "0.5B",
    quantization: "Q4_K_M",
    url: "https://huggingface.co/bartowski/Qwen2.5-0.5B-Instruct-GGUF/resolve/main/Qwen2.5-0.5B-Instruct-Q4_K_M.gguf",
    sizeBytes: 397_808_192,
    sha256: null,
    licence: "Apache-2.0",
    licenceUrl: "https://huggingface.co/Qwen/Qwen2.5-0.5B-Instruct/blob/main/LICENSE",
    memoryBytes: 900_000_000,
    contextLength: 32_768,
  },
  {
    id: "qwen2.5-1.5b-instruct-q4_k_m",
    name: "Qwen2.5 1.5B Instruct (Q4_K_M)",
    description: "Stronger answers, about three times slower than the default on a CPU.",
    role: "stronger",
    parameters: "1.5B",
    quantization: "Q4_K_M",
    url: "https://huggingface.co/bartowski/Qwen2.5-1.5B-Instruct-GGUF/resolve/main/Qwen2.5-1.5B-Instruct-Q4_K_M.gguf",
    sizeBytes: 986_048_768,
    sha256: null,
    licence: "Apache-2.0",
    licenceUrl: "https://huggingface.co/Qwen/Qwen2.5-1.5B-Instruct/blob/main/LICENSE",
    memoryBytes: 1_600_000_000,
    contextLength: 32_768,
  },
  {
    id: "llama-3.2-1b-instruct-q4_k_m",
    name: "Llama 3.2 1B Instruct (Q4_K_M)",
    description: "Meta's small instruct model; good English prose. Its licence has an acceptable-use policy.",
    role: "alternative",
    parameters: "1B",
    quantization: "Q4_K_M",
    url: "https://huggingface.co/bartowski/Llama-3.2-1B-Instruct-GGUF/resolve/main/Llama-3.2-1B-Instruct-Q4_K_M.gguf",
    sizeBytes: 807_694_464,
    sha256: null,
    licence: "Llama 3.2 Community License",
    licenceUrl: "https://huggingface.co/meta-llama/Llama-3.2-1B-Instruct/blob/main/LICENSE.txt",
    memoryBytes: 1_400_000_000,
    contextLength: 131_072,
  },
];

export function findCatalogueModel(id: string, catalogue: readonly CatalogueModel[] = modelCatalogue): CatalogueModel | undefined {
  return catalogue.find((model) => model.id === id);
}
