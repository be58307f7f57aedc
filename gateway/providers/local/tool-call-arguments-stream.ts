/**
 * Passes a function call's parameter text through as it is generated, minus the run of
 * newlines node-llama-cpp's parameter grammar ends with. Newlines are held back until
 * something else follows them (then they were JSON whitespace), so the concatenated deltas are
 * exactly the JSON arguments.
 */
export class ToolCallArgumentsStream {
  private heldNewlines = "";
  private emittedAny = false;

  /** Returns the text that is safe to send now (possibly empty). */
  push(chunk: string): string {
    const text = this.heldNewlines + chunk;
    const trailing = /\n*$/.exec(text)?.[0] ?? "";
    this.heldNewlines = trailing;
    const ready = text.slice(0, text.length - trailing.length);
    if (ready !== "") this.emittedAny = true;
    return ready;
  }

  /** True once any argument text went out. */
  get started(): boolean {
    return this.emittedAny;
  }
}
