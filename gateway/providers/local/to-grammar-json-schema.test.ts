import { describe, expect, it } from "vitest";
import { toGrammarJsonSchema } from "./to-grammar-json-schema.js";

const anyJson = {
  oneOf: [{ type: ["string", "number", "boolean", "null"] }, { type: "object", additionalProperties: true }, { type: "array" }],
};

describe("toGrammarJsonSchema", () => {
  it("keeps the supported keywords and descriptions", () => {
    const schema = {
      type: "object",
      description: "A person",
      properties: {
        name: { type: "string", minLength: 1, maxLength: 20, title: "Name" },
        born: { type: "string", format: "date" },
        email: { type: "string", format: "email" },
        tags: { type: "array", items: { type: "string" }, maxItems: 3 },
        kind: { enum: ["a", "b"] },
      },
      required: ["name"],
      additionalProperties: false,
    };
    expect(toGrammarJsonSchema(schema, "schema")).toEqual({
      type: "object",
      description: "A person",
      properties: {
        name: { type: "string", minLength: 1, maxLength: 20 },
        born: { type: "string", format: "date" },
        email: { type: "string" },
        tags: { type: "array", items: { type: "string" }, maxItems: 3 },
        kind: { enum: ["a", "b"] },
      },
      additionalProperties: false,
    });
  });

  it("turns anyOf, type lists and nullable into oneOf", () => {
    expect(toGrammarJsonSchema({ anyOf: [{ type: "string" }, { type: "null" }] }, "s")).toEqual({ oneOf: [{ type: "string" }, { type: "null" }] });
    expect(toGrammarJsonSchema({ type: ["object", "null"], properties: { a: { type: "integer" } } }, "s")).toEqual({
      oneOf: [{ type: "object", properties: { a: { type: "integer" } } }, { type: "null" }],
    });
    expect(toGrammarJsonSchema({ type: "integer", nullable: true }, "s")).toEqual({ oneOf: [{ type: "integer" }, { type: "null" }] });
  });

  it("reads {} and a bare object as any JSON rather than null", () => {
    expect(toGrammarJsonSchema({}, "s")).toEqual(anyJson);
    expect(toGrammarJsonSchema({ type: "object" }, "s")).toEqual({ type: "object", additionalProperties: true });
  });

  it("moves definitions and their references to $defs", () => {
    const converted = toGrammarJsonSchema(
      { type: "object", properties: { home: { $ref: "#/definitions/place" } }, definitions: { place: { type: "string" } } },
      "s",
    );
    expect(converted).toEqual({ type: "object", properties: { home: { $ref: "#/$defs/place" } }, $defs: { place: { type: "string" } } });
  });

  it.each([
    [{ type: "integer", minimum: 0 }, "minimum", "schema"],
    [{ type: "string", pattern: "^a" }, "pattern", "schema"],
    [{ type: "object", properties: { x: { allOf: [{ type: "string" }] } } }, "allOf", "schema.properties.x"],
    [{ $ref: "https://example.com/schema.json" }, "reference", "schema"],
    [false, "false", "schema"],
  ])("refuses %j, naming %s", (schema, word, param) => {
    expect(() => toGrammarJsonSchema(schema, "schema")).toThrowError(
      expect.objectContaining({ code: "unsupported_parameter", param, message: expect.stringContaining(word) }),
    );
  });
});
