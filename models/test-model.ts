import { SeededRandom } from "./seeded-random.js";
import { writeGgufFile, type GgufMetadataValue, type GgufTensor } from "./gguf-writer.js";
import { testModelShapes, type TestModelShape, type TestModelShapeName } from "./test-model-shapes.js";
import { buildTestModelVocabulary, type TestModelVocabulary } from "./test-model-vocabulary.js";
import type { TensorType } from "./tensor-encoding.js";

export interface GenerateTestModelOptions {
  outPath: string;
  shape?: TestModelShapeName;
  seed?: number;
  signal?: AbortSignal;
}

/** ChatML, so node-llama-cpp recognises the template and picks its ChatML chat wrapper. */
export const testModelChatTemplate =
  "{% for message in messages %}{{'<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n'}}{% endfor %}" +
  "{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}";

/**
 * Writes a GGUF of architecture `llama` with random weights drawn from `seed`: the same seed
 * and shape always give the same bytes. The weights carry no knowledge; they are shaped so a
 * model never picks control or stray byte tokens by itself (generation runs until a limit,
 * a stop sequence or a grammar ends it), which keeps tests predictable.
 */
export async function generateTestModel(options: GenerateTestModelOptions): Promise<void> {
  const shape = testModelShapes[options.shape ?? "tiny"];
  const seed = options.seed ?? 1;
  const vocabulary = buildTestModelVocabulary(shape.vocabularySize, seed);
  await writeGgufFile(
    options.outPath,
    { metadata: buildMetadata(shape, vocabulary), tensors: buildTensors(shape, vocabulary, seed) },
    options.signal,
  );
}

function buildMetadata(shape: TestModelShape, vocabulary: TestModelVocabulary): Array<[string, GgufMetadataValue]> {
  const uint32 = (value: number): GgufMetadataValue => ({ type: "uint32", value });
  const float32 = (value: number): GgufMetadataValue => ({ type: "float32", value });
  const string = (value: string): GgufMetadataValue => ({ type: "string", value });
  const fileTypes: Record<TensorType, number> = { F32: 0, F16: 1, Q8_0: 7 };
  return [
    ["general.architecture", string("llama")],
    ["general.name", string(shape.name)],
    ["general.file_type", uint32(fileTypes[shape.matrixType])],
    ["llama.vocab_size", uint32(shape.vocabularySize)],
    ["llama.context_length", uint32(shape.contextLength)],
    ["llama.embedding_length", uint32(shape.embeddingLength)],
    ["llama.block_count", uint32(shape.blockCount)],
    ["llama.feed_forward_length", uint32(shape.feedForwardLength)],
    ["llama.attention.head_count", uint32(shape.headCount)],
    ["llama.attention.head_count_kv", uint32(shape.headCountKeyValue)],
    ["llama.attention.layer_norm_rms_epsilon", float32(1e-5)],
    ["llama.rope.dimension_count", uint32(shape.embeddingLength / shape.headCount)],
    ["llama.rope.freq_base", float32(shape.ropeFrequencyBase)],
    ["tokenizer.ggml.model", string("llama")],
    ["tokenizer.ggml.tokens", { type: "string-array", value: vocabulary.tokens }],
    ["tokenizer.ggml.scores", { type: "float32-array", value: vocabulary.scores }],
    ["tokenizer.ggml.token_type", { type: "int32-array", value: vocabulary.tokenTypes }],
    ["tokenizer.ggml.bos_token_id", uint32(vocabulary.ids.begin)],
    ["tokenizer.ggml.eos_token_id", uint32(vocabulary.ids.end)],
    ["tokenizer.ggml.unknown_token_id", uint32(vocabulary.ids.unknown)],
    ["tokenizer.ggml.add_bos_token", { type: "bool", value: true }],
    ["tokenizer.ggml.add_eos_token", { type: "bool", value: false }],
    ["tokenizer.chat_template", string(testModelChatTemplate)],
  ];
}

/**
 * Hidden dimension 0 works as a constant "bias" lane: the embedding puts +3 there for every
 * generatable token (−3 for suppressed ones), and the output matrix puts −4 there for
 * suppressed tokens, so after the final norm their logits sit far below every other token's.
 */
const biasLaneEmbedding = 3;
const biasLaneSuppression = -4;

function buildTensors(shape: TestModelShape, vocabulary: TestModelVocabulary, seed: number): GgufTensor[] {
  const random = new SeededRandom(seed);
  const embedding = shape.embeddingLength;
  const keyValueWidth = (embedding / shape.headCount) * shape.headCountKeyValue;
  const matrix = (name: string, inputs: number, outputs: number): GgufTensor => ({
    name,
    dimensions: [inputs, outputs],
    type: shape.matrixType,
    // Scaled so each layer's output is about half the size of its input: small random layers
    // perturb the residual stream without swamping the bias lane.
    values: () => randomRows(random, inputs, outputs, () => 0.5 * Math.sqrt(3 / inputs)),
  });
  const norm = (name: string): GgufTensor => ({
    name,
    dimensions: [embedding],
    type: "F32",
    values: () => [new Float32Array(embedding).fill(1)],
  });

  const tensors: GgufTensor[] = [
    {
      name: "token_embd.weight",
      dimensions: [embedding, shape.vocabularySize],
      type: shape.matrixType,
      values: () =>
        vocabularyRows(random, embedding, vocabulary, 1, (token) =>
          vocabulary.suppressed[token] ? -biasLaneEmbedding : biasLaneEmbedding,
        ),
    },
  ];
  if (!shape.tieEmbeddings) {
    // Logits spread with a standard deviation of about 4: greedy picks vary, sampling stays focused.
    const amplitude = (4 * Math.sqrt(3)) / (0.85 * Math.sqrt(embedding));
    tensors.push({
      name: "output.weight",
      dimensions: [embedding, shape.vocabularySize],
      type: shape.matrixType,
      values: () =>
        vocabularyRows(random, embedding, vocabulary, amplitude, (token) => (vocabulary.suppressed[token] ? biasLaneSuppression : 0)),
    });
  }
  tensors.push(norm("output_norm.weight"));
  for (let block = 0; block < shape.blockCount; block++) {
    tensors.push(
      norm(`blk.${block}.attn_norm.weight`),
      matrix(`blk.${block}.attn_q.weight`, embedding, embedding),
      matrix(`blk.${block}.attn_k.weight`, embedding, keyValueWidth),
      matrix(`blk.${block}.attn_v.weight`, embedding, keyValueWidth),
      matrix(`blk.${block}.attn_output.weight`, embedding, embedding),
      norm(`blk.${block}.ffn_norm.weight`),
      matrix(`blk.${block}.ffn_gate.weight`, embedding, shape.feedForwardLength),
      matrix(`blk.${block}.ffn_up.weight`, embedding, shape.feedForwardLength),
      matrix(`blk.${block}.ffn_down.weight`, shape.feedForwardLength, embedding),
    );
  }
  return tensors;
}

/** Rows are grouped into chunks of about a million values: big enough to write fast, small enough to stream. */
const valuesPerChunk = 1 << 20;

function* randomRows(random: SeededRandom, rowLength: number, rowCount: number, amplitude: () => number): Iterable<Float32Array> {
  const rowsPerChunk = Math.max(1, Math.floor(valuesPerChunk / rowLength));
  const scale = amplitude();
  for (let firstRow = 0; firstRow < rowCount; firstRow += rowsPerChunk) {
    const rows = Math.min(rowsPerChunk, rowCount - firstRow);
    const chunk = new Float32Array(rows * rowLength);
    for (let index = 0; index < chunk.length; index++) chunk[index] = random.nextSymmetric(scale);
    yield chunk;
  }
}

function* vocabularyRows(
  random: SeededRandom,
  rowLength: number,
  vocabulary: TestModelVocabulary,
  amplitude: number,
  biasLane: (token: number) => number,
): Iterable<Float32Array> {
  const rowCount = vocabulary.tokens.length;
  const rowsPerChunk = Math.max(1, Math.floor(valuesPerChunk / rowLength));
  for (let firstRow = 0; firstRow < rowCount; firstRow += rowsPerChunk) {
    const rows = Math.min(rowsPerChunk, rowCount - firstRow);
    const chunk = new Float32Array(rows * rowLength);
    for (let row = 0; row < rows; row++) {
      const offset = row * rowLength;
      chunk[offset] = biasLane(firstRow + row);
      for (let column = 1; column < rowLength; column++) chunk[offset + column] = random.nextSymmetric(amplitude);
    }
    yield chunk;
  }
}
