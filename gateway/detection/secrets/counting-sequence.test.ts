import { describe, expect, it } from "vitest";
import { hasCountingSequence } from "./counting-sequence.js";

describe("typed-in counting runs", () => {
  it("finds runs up or down and interleaved runs", () => {
    for (const value of ["abcdefg12346+FJQCK", "key-0123456789", "a1b2c3d4e5f6", "px-dep-d4c3b2a1-f6e5", "ZYXWVU99"]) {
      expect(hasCountingSequence(value), value).toBe(true);
    }
  });

  it("leaves random keys alone", () => {
    for (const value of ["El2hpChYgCfrL1spNxnyVmihA+2O76UMFxFkM+R5", "3f786850e387550fdab836ed7e6dc881de23001b", "Hy8fK2pQx7LmN4vRt9ZbW3cJ"]) {
      expect(hasCountingSequence(value), value).toBe(false);
    }
  });
});
