import { stat } from "node:fs/promises";
import { resolve } from "node:path";
import type { Writable } from "node:stream";
import { generateTestModel } from "./test-model.js";
import { isTestModelShapeName, testModelShapes, type TestModelShapeName } from "./test-model-shapes.js";

const usage = `usage: test-model <out.gguf> [--shape ${Object.keys(testModelShapes).join("|")}] [--seed N]`;

/**
 * `npm run test-model -- out.gguf [--shape tiny] [--seed 1]`: writes a random-weight GGUF and
 * prints its path and size. Returns the exit status.
 */
export async function runGenerateTestModel(argv: readonly string[], stdout: Writable, stderr: Writable): Promise<number> {
  let outPath: string | undefined;
  let shape: TestModelShapeName = "tiny";
  let seed = 1;
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index] ?? "";
    const value = argv[index + 1];
    if (argument === "--help" || argument === "-h") {
      stdout.write(`${usage}\n`);
      return 0;
    } else if (argument === "--shape") {
      if (value === undefined || !isTestModelShapeName(value)) return fail(stderr, `--shape must be one of ${Object.keys(testModelShapes).join(", ")}`);
      shape = value;
      index++;
    } else if (argument === "--seed") {
      const parsed = Number(value);
      if (value === undefined || !Number.isSafeInteger(parsed) || parsed < 0) return fail(stderr, "--seed must be a non-negative integer");
      seed = parsed;
      index++;
    } else if (argument.startsWith("-")) {
      return fail(stderr, `unknown option ${argument}`);
    } else if (outPath === undefined) {
      outPath = resolve(argument);
    } else {
      return fail(stderr, `unexpected argument ${argument}`);
    }
  }
  if (outPath === undefined) return fail(stderr, "missing the output file");

  try {
    await generateTestModel({ outPath, shape, seed });
  } catch (error) {
    return fail(stderr, `cannot write ${outPath}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const { size } = await stat(outPath);
  stdout.write(`${outPath}\t${size} bytes (${formatBytes(size)}, shape ${shape}, seed ${seed})\n`);
  return 0;
}

function fail(stderr: Writable, reason: string): number {
  stderr.write(`test-model: ${reason}\n${usage}\n`);
  return 2;
}

function formatBytes(bytes: number): string {
  if (bytes >= 1 << 30) return `${(bytes / (1 << 30)).toFixed(2)} GiB`;
  if (bytes >= 1 << 20) return `${(bytes / (1 << 20)).toFixed(1)} MiB`;
  return `${(bytes / 1024).toFixed(0)} KiB`;
}
