import type { Readable, Writable } from "node:stream";
import { StringDecoder } from "node:string_decoder";

export type SecretInput =
  | { kind: "value"; value: string }
  | { kind: "cancelled" }
  | { kind: "too-long" };

/** What a terminal's stdin offers beyond a plain stream (tty.ReadStream); tests can fake it. */
interface TerminalInput {
  isTTY?: boolean;
  isRaw?: boolean;
  setRawMode?: (mode: boolean) => unknown;
}

/**
 * Reads a secret from standard input, never from argv (argv lands in shell history and in
 * `ps`). From a terminal: prompts on stderr and reads one line without echo where the terminal
 * allows raw mode. From a pipe or file: reads everything, minus one trailing newline.
 * Reading stops past `maximumLength`, so a large file piped in by mistake is not slurped.
 */
export async function readSecretInput(
  stdin: Readable,
  stderr: Writable,
  options: { prompt: string; maximumLength: number },
): Promise<SecretInput> {
  const terminal = stdin as Readable & TerminalInput;
  if (terminal.isTTY !== true) {
    return await readUntil(stdin, { stopAtLineEnd: false, maximumLength: options.maximumLength });
  }
  stderr.write(options.prompt);
  const canHideInput = typeof terminal.setRawMode === "function";
  const wasRaw = terminal.isRaw === true;
  if (canHideInput) terminal.setRawMode?.(true);
  try {
    return await readUntil(stdin, { stopAtLineEnd: true, maximumLength: options.maximumLength, rawTerminal: canHideInput });
  } finally {
    if (canHideInput) {
      terminal.setRawMode?.(wasRaw);
      // Raw mode swallowed the Enter key's echo: end the prompt line ourselves.
      stderr.write("\n");
    }
  }
}

interface ReadOptions {
  stopAtLineEnd: boolean;
  maximumLength: number;
  /** In raw mode the terminal no longer handles Ctrl-C, Ctrl-D and backspace: we do. */
  rawTerminal?: boolean;
}

function readUntil(stdin: Readable, options: ReadOptions): Promise<SecretInput> {
  return new Promise((resolve, reject) => {
    const decoder = new StringDecoder("utf8");
    let text = "";

    function finish(result: SecretInput): void {
      stdin.off("data", onData);
      stdin.off("end", onEnd);
      stdin.off("error", onError);
      stdin.pause();
      resolve(result);
    }

    function finishWithText(): void {
      finish({ kind: "value", value: withoutOneTrailingNewline(text) });
    }

    function onData(chunk: Buffer | string): void {
      const decoded = typeof chunk === "string" ? chunk : decoder.write(chunk);
      for (const character of decoded) {
        if (options.rawTerminal === true) {
          if (character === "\u0003") return finish({ kind: "cancelled" });
          if (character === "\u0004") return finishWithText();
          if (character === "\u007f" || character === "\b") {
            text = Array.from(text).slice(0, -1).join("");
            continue;
          }
        }
        if (options.stopAtLineEnd && (character === "\r" || character === "\n")) return finish({ kind: "value", value: text });
        text += character;
        if (text.length > options.maximumLength + 2) return finish({ kind: "too-long" });
      }
    }

    function onEnd(): void {
      text += decoder.end();
      finishWithText();
    }

    function onError(error: Error): void {
      stdin.off("data", onData);
      stdin.off("end", onEnd);
      reject(error);
    }

    if (stdin.readableEnded) {
      finishWithText();
      return;
    }
    stdin.on("data", onData);
    stdin.once("end", onEnd);
    stdin.once("error", onError);
    stdin.resume();
  });
}

function withoutOneTrailingNewline(text: string): string {
  if (text.endsWith("\r\n")) return text.slice(0, -2);
  if (text.endsWith("\n")) return text.slice(0, -1);
  return text;
}
