import type { TrailProblem } from "./verify-trail.js";

/** The problems a verification found: all are counted, the first `max` are listed. */
export class ProblemList {
  readonly listed: TrailProblem[] = [];
  #count = 0;
  readonly #max: number;

  constructor(max = 20) {
    this.#max = max;
  }

  report(seq: number | null, requestId: string | null, problem: string): void {
    this.#count += 1;
    if (this.listed.length < this.#max) this.listed.push({ seq, requestId, problem });
  }

  get count(): number {
    return this.#count;
  }

  /** More problems were found than are listed. */
  get more(): boolean {
    return this.#count > this.listed.length;
  }
}
