import { open, stat } from "node:fs/promises";
import { basename } from "node:path";
import { readGgufFileInfo, type GgufFileInfo } from "node-llama-cpp";
import { GatewayError } from "../../shared/errors.js";
import { ggmlTensorByteLength } from "./ggml-type-sizes.js";

/** What the gateway learns about a model file before it lets llama.cpp near it. */
export interface GgufFileSummary {
  path: string;
  byteLength: number;
  architecture: string;
  /** `general.name`, when the file has one. */
  name: string | undefined;
  trainContextSize: number | undefined;
  tensorCount: number;
  vocabularySize: number;
  fileInfo: GgufFileInfo;
}

const ggufMagic = Buffer.from("GGUF", "latin1");
/** Magic, version, tensor count and metadata count. */
const minimumHeaderBytes = 24;
const maximumTensorDimensions = 4;

/**
 * Refuses files that are not plausible GGUF models. llama.cpp trusts its input and a malformed
 * file can abort the whole process with a native assertion, so everything that can be checked
 * from the header (structure, tensor bounds, tokenizer) is checked here first, in JavaScript.
 */
export async function inspectGgufFile(path: string, signal?: AbortSignal): Promise<GgufFileSummary> {
  const fileName = basename(path);
  const refuse = (reason: string, cause?: unknown): GatewayError =>
    new GatewayError("local_model_unavailable", {
      message: `The local model file ${fileName} cannot be used: ${reason}. Set \`local.model\` to a GGUF model file.`,
      cause,
    });

  let byteLength: number;
  try {
    const stats = await stat(path);
    if (!stats.isFile()) throw refuse("it is not a regular file");
    byteLength = stats.size;
  } catch (error) {
    if (error instanceof GatewayError) throw error;
    throw refuse(isMissingFileError(error) ? "the file does not exist" : "the file cannot be read", error);
  }
  if (byteLength < minimumHeaderBytes) throw refuse("the file is too small to be a GGUF model");
  const head = await readGgufHead(path).catch((error: unknown) => {
    throw refuse("the file cannot be read", error);
  });
  if (head === undefined) throw refuse("the file is not in GGUF format");
  if (head.version !== 2 && head.version !== 3) throw refuse(`GGUF version ${head.version} is not supported`);
  // Every tensor and metadata entry takes well over 8 bytes; larger counts are lies that would
  // send the header parser on a long walk.
  if (head.tensorCount + head.metadataCount > BigInt(byteLength) / 8n) throw refuse("its GGUF header is malformed");

  let fileInfo: GgufFileInfo;
  try {
    // `filesystem` pins the reader to the disk: a path that looks like a URL must never open a connection.
    fileInfo = await readGgufFileInfo(path, { sourceType: "filesystem", logWarnings: false, signal });
  } catch (error) {
    signal?.throwIfAborted();
    throw refuse("its GGUF header is malformed", error);
  }

  const metadata = fileInfo.metadata as unknown as Record<string, Record<string, unknown> | undefined>;
  const architecture = metadata.general?.architecture;
  if (typeof architecture !== "string" || architecture === "") throw refuse("it names no model architecture");
  const architectureMetadata = (metadata[architecture] ?? {}) as Record<string, unknown>;
  if (typeof architectureMetadata.block_count !== "number" || typeof architectureMetadata.embedding_length !== "number") {
    throw refuse(`it lacks the ${architecture}.block_count or ${architecture}.embedding_length setting`);
  }
  const tokenizer = (metadata.tokenizer as { ggml?: { model?: unknown; tokens?: unknown } } | undefined)?.ggml;
  if (typeof tokenizer?.model !== "string" || !Array.isArray(tokenizer.tokens) || tokenizer.tokens.length === 0) {
    throw refuse("it has no tokenizer");
  }
  const vocabularySize = tokenizer.tokens.length;

  const tensors = fileInfo.fullTensorInfo ?? fileInfo.tensorInfo ?? [];
  if (tensors.length === 0) throw refuse("it contains no tensors");
  const names = new Set<string>();
  for (const tensor of tensors) {
    if (names.has(tensor.name)) throw refuse(`tensor ${tensor.name} appears twice`);
    names.add(tensor.name);
    const dimensions = tensor.dimensions.map((dimension) => BigInt(dimension));
    if (dimensions.length === 0 || dimensions.length > maximumTensorDimensions || dimensions.some((dimension) => dimension <= 0n)) {
      throw refuse(`tensor ${tensor.name} has an invalid shape`);
    }
    // Split models keep later tensors in other files; only the first file's bounds are known here.
    if (tensor.filePart !== 1) continue;
    const elementCount = dimensions.reduce((product, dimension) => product * dimension, 1n);
    const tensorBytes = ggmlTensorByteLength(tensor.ggmlType, elementCount);
    if (tensorBytes === null) throw refuse(`tensor ${tensor.name} does not fill whole blocks of its type`);
    const start = BigInt(tensor.fileOffset);
    if (start + (tensorBytes ?? 1n) > BigInt(byteLength)) throw refuse(`tensor ${tensor.name} lies beyond the end of the file (is it truncated?)`);
  }
  const embedding = tensors.find((tensor) => tensor.name === "token_embd.weight");
  const embeddingRows = embedding?.dimensions[1];
  if (embeddingRows !== undefined && Number(embeddingRows) !== vocabularySize) {
    throw refuse(`its tokenizer has ${vocabularySize} tokens but its embedding has ${String(embeddingRows)} rows`);
  }

  const name = metadata.general?.name;
  const contextLength = architectureMetadata.context_length;
  return {
    path,
    byteLength,
    architecture,
    name: typeof name === "string" && name !== "" ? name : undefined,
    trainContextSize: typeof contextLength === "number" ? contextLength : undefined,
    tensorCount: tensors.length,
    vocabularySize,
    fileInfo,
  };
}

/** The fixed-size start of a GGUF file, or `undefined` when the magic is missing. */
async function readGgufHead(path: string): Promise<{ version: number; tensorCount: bigint; metadataCount: bigint } | undefined> {
  const file = await open(path, "r");
  try {
    const head = Buffer.alloc(minimumHeaderBytes);
    const { bytesRead } = await file.read(head, 0, head.length, 0);
    if (bytesRead < head.length || !head.subarray(0, ggufMagic.length).equals(ggufMagic)) return undefined;
    return { version: head.readUInt32LE(4), tensorCount: head.readBigUInt64LE(8), metadataCount: head.readBigUInt64LE(16) };
  } finally {
    await file.close();
  }
}

function isMissingFileError(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "ENOENT";
}
