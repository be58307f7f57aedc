import { describe, expect, it } from "vitest";
import { encodeTensorValues, float32ToFloat16Bits } from "./tensor-encoding.js";

describe("float32ToFloat16Bits", () => {
  it.each([
    [0, 0x0000],
    [-0, 0x8000],
    [1, 0x3c00],
    [-2, 0xc000],
    [0.5, 0x3800],
    [65504, 0x7bff],
    [1e6, 0x7c00],
    [Number.POSITIVE_INFINITY, 0x7c00],
    [2 ** -24, 0x0001], // the smallest subnormal
    [2 ** -14, 0x0400], // the smallest normal
    [1 + 2 ** -11, 0x3c00], // halfway: rounds to even (down)
    [1 + 3 * 2 ** -11, 0x3c02], // halfway: rounds to even (up)
  ])("encodes %d as %s", (value, bits) => {
    expect(float32ToFloat16Bits(value)).toBe(bits);
  });

  it("encodes NaN as a NaN", () => {
    const bits = float32ToFloat16Bits(Number.NaN);
    expect(bits & 0x7c00).toBe(0x7c00);
    expect(bits & 0x03ff).not.toBe(0);
  });
});

describe("encodeTensorValues", () => {
  it("packs Q8_0 blocks as an f16 scale and 32 signed bytes", () => {
    const values = Float32Array.from({ length: 32 }, (_, index) => (index - 16) / 16);
    const encoded = encodeTensorValues("Q8_0", values);
    expect(encoded).toHaveLength(34);
    expect(encoded.readUInt16LE(0)).toBe(float32ToFloat16Bits(1 / 127));
    expect(encoded.readInt8(2)).toBe(-127);
    expect(encoded.readInt8(2 + 16)).toBe(0);
  });

  it("refuses Q8_0 tensors that do not fill whole blocks", () => {
    expect(() => encodeTensorValues("Q8_0", new Float32Array(33))).toThrow(/multiple of 32/);
  });
});
