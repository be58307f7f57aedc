import type { GbnfJsonSchema } from "node-llama-cpp";
import { GatewayError } from "../../../shared/errors.js";

/**
 * Translates a JSON Schema (as OpenAI clients send it for `response_format` and tool
 * parameters) into the subset node-llama-cpp turns into a grammar. Whatever the grammar would
 * silently get wrong is refused instead: node-llama-cpp reads an unknown schema as `null`, reads
 * `{}` as `null`, ignores `anyOf`, numeric bounds and patterns. Output generated under the
 * translated schema always validates against the original.
 */
export function toGrammarJsonSchema(schema: unknown, param: string): GbnfJsonSchema {
  const root = asSchemaObject(schema, param);
  const definitions = { ...asRecord(root?.definitions), ...asRecord(root?.$defs) };
  const converted = convert(schema, param);
  const definitionEntries = Object.entries(definitions);
  if (definitionEntries.length === 0) return converted;
  const $defs = Object.fromEntries(definitionEntries.map(([name, definition]) => [name, convert(definition, `${param}.$defs.${name}`)]));
  if ("type" in converted && (converted.type === "object" || converted.type === "array")) return { ...converted, $defs } as GbnfJsonSchema;
  // Only object, array, oneOf and $ref schemas can carry definitions; wrap the rest in a one-way oneOf.
  return { oneOf: [converted], $defs } as GbnfJsonSchema;
}

const unsupportedKeywords = [
  "allOf", "not", "if", "then", "else", "pattern", "patternProperties", "propertyNames", "dependentRequired",
  "dependentSchemas", "dependencies", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf",
  "uniqueItems", "contains", "minContains", "maxContains", "unevaluatedProperties", "unevaluatedItems",
  "$dynamicRef", "$recursiveRef",
];

const primitiveTypes = new Set(["string", "number", "integer", "boolean", "null"]);
const grammarDateFormats = new Set(["date-time", "date", "time"]);

const anyJson: GbnfJsonSchema = {
  oneOf: [
    { type: ["string", "number", "boolean", "null"] },
    { type: "object", additionalProperties: true },
    { type: "array" },
  ],
};

function convert(schema: unknown, path: string): GbnfJsonSchema {
  if (schema === true) return anyJson;
  const node = asSchemaObject(schema, path);
  if (node === undefined) return anyJson;
  for (const keyword of unsupportedKeywords) {
    if (keyword in node) refuse(path, `the JSON Schema keyword \`${keyword}\``);
  }
  const withoutNull = convertIgnoringNullable(node, path);
  const converted: GbnfJsonSchema = node.nullable === true ? { oneOf: [withoutNull, { type: "null" }] } : withoutNull;
  // Descriptions reach the model in the function documentation node-llama-cpp writes into the prompt.
  return typeof node.description === "string" && !("$ref" in converted) ? ({ ...converted, description: node.description } as GbnfJsonSchema) : converted;
}

function convertIgnoringNullable(node: Record<string, unknown>, path: string): GbnfJsonSchema {
  if (typeof node.$ref === "string") {
    const match = /^#\/(?:\$defs|definitions)\/([^/]+)$/.exec(node.$ref);
    if (match?.[1] === undefined) refuse(path, `the reference \`${node.$ref}\` (only #/$defs/… and #/definitions/… are supported)`);
    return { $ref: `#/$defs/${match[1]}` } as GbnfJsonSchema;
  }
  if ("const" in node) return { const: primitiveValue(node.const, `${path}.const`) };
  if (Array.isArray(node.enum)) return { enum: node.enum.map((value, index) => primitiveValue(value, `${path}.enum[${index}]`)) };
  const alternatives = node.anyOf ?? node.oneOf;
  if (alternatives !== undefined) {
    if (!Array.isArray(alternatives) || alternatives.length === 0) refuse(path, "an empty `anyOf`/`oneOf`");
    if ("type" in node || "properties" in node || "items" in node) refuse(path, "`anyOf`/`oneOf` next to other type keywords");
    // Any one branch generated whole satisfies both anyOf and (for disjoint branches) oneOf.
    return { oneOf: alternatives.map((alternative, index) => convert(alternative, `${path}.anyOf[${index}]`)) };
  }

  const types = typesOf(node, path);
  if (types === undefined) return anyJson;
  const converted = types.map((type) => convertTyped(type, node, path));
  if (converted.length === 1 && converted[0] !== undefined) return converted[0];
  return { oneOf: converted };
}

function typesOf(node: Record<string, unknown>, path: string): string[] | undefined {
  const declared = node.type;
  if (typeof declared === "string") return [declared];
  if (Array.isArray(declared) && declared.length > 0 && declared.every((type) => typeof type === "string")) return declared;
  if (declared !== undefined) refuse(path, "a `type` that is not a type name or a list of them");
  if ("properties" in node || "additionalProperties" in node) return ["object"];
  if ("items" in node || "prefixItems" in node) return ["array"];
  return undefined;
}

function convertTyped(type: string, node: Record<string, unknown>, path: string): GbnfJsonSchema {
  if (type === "string") {
    if (typeof node.format === "string" && grammarDateFormats.has(node.format)) {
      return { type: "string", format: node.format as "date-time" | "date" | "time" };
    }
    // Other formats (email, uri, uuid…) are annotations in JSON Schema: a plain string still validates.
    return {
      type: "string",
      ...(typeof node.minLength === "number" ? { minLength: node.minLength } : {}),
      ...(typeof node.maxLength === "number" ? { maxLength: node.maxLength } : {}),
    };
  }
  if (primitiveTypes.has(type)) return { type: type as "number" | "integer" | "boolean" | "null" };
  if (type === "object") return convertObject(node, path);
  if (type === "array") return convertArray(node, path);
  return refuse(path, `the type \`${type}\``);
}

function convertObject(node: Record<string, unknown>, path: string): GbnfJsonSchema {
  const properties = asRecord(node.properties);
  const convertedProperties = Object.fromEntries(
    Object.entries(properties).map(([name, property]) => [name, convert(property, `${path}.properties.${name}`)]),
  );
  const hasProperties = Object.keys(convertedProperties).length > 0;
  let additionalProperties: boolean | GbnfJsonSchema | undefined;
  if (node.additionalProperties === undefined) {
    // JSON Schema allows extra keys by default; generating none is valid, but a bare `object` needs some room.
    additionalProperties = hasProperties ? undefined : true;
  } else if (typeof node.additionalProperties === "boolean") {
    additionalProperties = node.additionalProperties;
  } else {
    additionalProperties = convert(node.additionalProperties, `${path}.additionalProperties`);
  }
  return {
    type: "object",
    ...(hasProperties ? { properties: convertedProperties } : {}),
    ...(additionalProperties === undefined ? {} : { additionalProperties }),
    ...(typeof node.minProperties === "number" ? { minProperties: node.minProperties } : {}),
    ...(typeof node.maxProperties === "number" ? { maxProperties: node.maxProperties } : {}),
  } as GbnfJsonSchema;
}

function convertArray(node: Record<string, unknown>, path: string): GbnfJsonSchema {
  // Draft 4 wrote tuples as an `items` array; later drafts use `prefixItems`.
  const tuple = Array.isArray(node.prefixItems) ? node.prefixItems : Array.isArray(node.items) ? node.items : undefined;
  const rest = Array.isArray(node.items) ? node.additionalItems : node.items;
  const prefixItems = tuple?.map((item, index) => convert(item, `${path}.prefixItems[${index}]`));
  let maxItems = typeof node.maxItems === "number" ? node.maxItems : undefined;
  let items: GbnfJsonSchema | undefined;
  if (rest === false) maxItems = Math.min(maxItems ?? Number.POSITIVE_INFINITY, prefixItems?.length ?? 0);
  else if (rest !== undefined && rest !== true) items = convert(rest, `${path}.items`);
  return {
    type: "array",
    ...(items === undefined ? {} : { items }),
    ...(prefixItems === undefined ? {} : { prefixItems }),
    ...(typeof node.minItems === "number" ? { minItems: node.minItems } : {}),
    ...(maxItems === undefined ? {} : { maxItems }),
  } as GbnfJsonSchema;
}

function primitiveValue(value: unknown, path: string): string | number | boolean | null {
  if (value === null || typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  return refuse(path, "an object or array as an `enum`/`const` value");
}

function asSchemaObject(schema: unknown, path: string): Record<string, unknown> | undefined {
  if (schema === undefined || schema === true) return undefined;
  if (schema === false) refuse(path, "the schema `false`, which no value satisfies");
  if (typeof schema !== "object" || schema === null || Array.isArray(schema)) refuse(path, "a schema that is not an object");
  return schema as Record<string, unknown>;
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function refuse(path: string, what: string): never {
  throw new GatewayError("unsupported_parameter", {
    message: `The local model cannot enforce ${what} at \`${path}\`. Simplify the schema or route this request to a cloud model.`,
    param: path,
  });
}
