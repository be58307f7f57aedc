/** Bytes per second over a sliding window, so the figure follows the connection as it changes. */
export class DownloadRate {
  private readonly now: () => number;
  private readonly windowMs: number;
  private readonly samples: Array<{ at: number; bytes: number }> = [];

  constructor(now: () => number, windowMs = 5_000) {
    this.now = now;
    this.windowMs = windowMs;
  }

  add(bytes: number): void {
    const at = this.now();
    this.samples.push({ at, bytes });
    while (this.samples.length > 1 && at - (this.samples[0]?.at ?? at) > this.windowMs) this.samples.shift();
  }

  bytesPerSecond(): number {
    const first = this.samples[0];
    const last = this.samples.at(-1);
    if (first === undefined || last === undefined || last.at <= first.at) return 0;
    // The first sample's bytes arrived before the window's start time: leave them out.
    const bytes = this.samples.reduce((sum, sample) => sum + sample.bytes, 0) - first.bytes;
    return Math.round((bytes * 1000) / (last.at - first.at));
  }
}
