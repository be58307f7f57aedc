import type { CatalogueModel } from "../shared/local-models.js";

/**
 * Recommended local models: instruct-tuned GGUF files small enough for a laptop CPU.
 *
 * Every entry is pinned: the URL names a repository commit (`resolve/<commit>/…`), so the file
 * behind it cannot change, and `sha256` is the file's hash, which the downloader checks before
 * the file is used. The hashes and commits were not computed here (this machine cannot reach
 * Hugging Face); each is the value several independent public projects pin for the same file,
 * with the same byte size, and Hugging Face serves the SHA-256 as the file's LFS id. The memory
 * figures are estimates (weights + KV cache for 2 × 4096 tokens + compute buffers).
 *
 * An entry may carry `sha256: null` only while no hash can be verified: such a model is refused
 * unless the user accepts it unpinned, and then the hash seen on first download is recorded and
 * enforced from then on. Replace a `null` with a published hash as soon as there is one.
 */
export const modelCatalogue: readonly CatalogueModel[] = [
  {
    id: "qwen2.5-0.5b-instruct-q4_k_m",
    name: "Qwen2.5 0.5B Instruct (Q4_K_M)",
    description: "Small and fast: the default. Fine for short, everyday requests and sensitive text that must stay here.",
    role: "default",
    parameters: "0.5B",
    quantization: "Q4_K_M",
    url: "https://huggingface.co/bartowski/Qwen2.5-0.5B-Instruct-GGUF/resolve/41ba88dbac95fed2528c92514c131d73eb5a174b/Qwen2.5-0.5B-Instruct-Q4_K_M.gguf",
    sizeBytes: 397_808_192,
    sha256: "6eb923e7d26e9cea28811e1a8e852009b21242fb157b26149d3b188f3a8c8653",
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
    url: "https://huggingface.co/bartowski/Qwen2.5-1.5B-Instruct-GGUF/resolve/9eadc66189c7641e1ddd226b8267a9119b2ce2d4/Qwen2.5-1.5B-Instruct-Q4_K_M.gguf",
    sizeBytes: 986_048_768,
    sha256: "1adf0b11065d8ad2e8123ea110d1ec956dab4ab038eab665614adba04b6c3370",
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
    url: "https://huggingface.co/bartowski/Llama-3.2-1B-Instruct-GGUF/resolve/067b946cf014b7c697f3654f621d577a3e3afd1c/Llama-3.2-1B-Instruct-Q4_K_M.gguf",
    sizeBytes: 807_694_464,
    sha256: "6f85a640a97cf2bf5b8e764087b1e83da0fdb51d7c9fab7d0fece9385611df83",
    licence: "Llama 3.2 Community License",
    licenceUrl: "https://huggingface.co/meta-llama/Llama-3.2-1B-Instruct/blob/main/LICENSE.txt",
    memoryBytes: 1_400_000_000,
    contextLength: 131_072,
  },
];

export function findCatalogueModel(id: string, catalogue: readonly CatalogueModel[] = modelCatalogue): CatalogueModel | undefined {
  return catalogue.find((model) => model.id === id);
}
