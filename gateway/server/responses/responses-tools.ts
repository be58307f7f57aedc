import { GatewayError } from "../../../shared/errors.js";
import type { ChatCompletionRequest } from "../../../shared/openai-schema.js";
import type { ResponsesRequest, ResponsesTool } from "../../../shared/responses-schema.js";

/** Names the hosted tool types a request declared that the model was not given. */
export const droppedToolsHeader = "x-privacy-router-dropped-tools";

type ChatTool = NonNullable<ChatCompletionRequest["tools"]>[number];
type FunctionTool = Extract<ResponsesTool, { type: "function" }>;
type CustomTool = Extract<ResponsesTool, { type: "custom" }>;
type NamespaceTool = Extract<ResponsesTool, { type: "namespace" }>;

/** What a name the model calls stands for on the client's side. */
export interface ClientTool {
  kind: "function" | "custom";
  name: string;
  namespace: string | undefined;
}

/**
 * The request's tools as the pipeline's function tools, and the way back. Function tools pass
 * as they are; members of a `namespace` tool and tools of `additional_tools` input items join
 * the list (a namespaced member under a name of its own, so names stay unique); a custom
 * (freeform) tool becomes a function with one string parameter `input`. Hosted tools are
 * dropped, never forwarded, and named in `dropped`.
 */
export class ResponsesToolMap {
  readonly tools: ChatTool[] = [];
  /** Hosted tool types the request declared and the model does not get, in order, once each. */
  readonly dropped: string[] = [];
  readonly #byInternalName = new Map<string, ClientTool>();
  readonly #byClientName = new Map<string, string>();

  static of(request: ResponsesRequest): ResponsesToolMap {
    const map = new ResponsesToolMap();
    for (const tool of request.tools ?? []) map.#add(tool, undefined, undefined);
    for (const item of request.input) {
      if (item.type === "additional_tools") for (const tool of item.tools) map.#add(tool, undefined, undefined);
    }
    return map;
  }

  /** The client's tool behind a name the model called; undefined for a name the request did not declare. */
  clientTool(internalName: string): ClientTool | undefined {
    return this.#byInternalName.get(internalName);
  }

  /** The name the model knows a client's tool by (an earlier turn's call names it the client's way). */
  internalName(name: string, namespace: string | null | undefined): string {
    return this.#byClientName.get(clientKey(name, namespace ?? undefined)) ?? (namespace ? namespacedName(namespace, name) : name);
  }

  #add(tool: ResponsesTool, namespace: string | undefined, namespaceDescription: string | null | undefined): void {
    // A hosted tool's `type` is any other string, so the type is narrowed by hand.
    switch (tool.type) {
      case "function": {
        const declared = tool as FunctionTool;
        const definition: ChatTool["function"] = { name: this.#register("function", declared.name, namespace) };
        const description = joinDescriptions(namespaceDescription, declared.description);
        if (description !== undefined) definition.description = description;
        if (declared.parameters != null) definition.parameters = declared.parameters;
        if (declared.strict != null) definition.strict = declared.strict;
        this.tools.push({ type: "function", function: definition });
        return;
      }
      case "custom": {
        const declared = tool as CustomTool;
        // The grammar (Lark or regex) is not forwarded: a function tool has no grammar, so the
        // model is only told the input is raw text, and the client checks it as it always does.
        const freeform = "This tool takes freeform raw text, not JSON: put the whole text, exactly as the tool should receive it, in the `input` string.";
        const description = joinDescriptions(joinDescriptions(namespaceDescription, declared.description), freeform) ?? freeform;
        this.tools.push({
          type: "function",
          function: {
            name: this.#register("custom", declared.name, namespace),
            description,
            parameters: { type: "object", properties: { input: { type: "string", description: "The raw freeform text input of the tool." } }, required: ["input"], additionalProperties: false },
          },
        });
        return;
      }
      case "namespace": {
        const group = tool as NamespaceTool;
        for (const member of group.tools) this.#add(member, group.name, group.description);
        return;
      }
      default:
        if (!this.dropped.includes(tool.type)) this.dropped.push(tool.type);
    }
  }

  #register(kind: ClientTool["kind"], name: string, namespace: string | undefined): string {
    const key = clientKey(name, namespace);
    const known = this.#byClientName.get(key);
    // The same tool declared twice (in `tools` and again in `additional_tools`) is one tool.
    if (known !== undefined) {
      const index = this.tools.findIndex((tool) => tool.function.name === known);
      if (index >= 0) this.tools.splice(index, 1);
      this.#byInternalName.set(known, { kind, name, namespace });
      return known;
    }
    let internal = namespace ? namespacedName(namespace, name) : name;
    for (let suffix = 2; this.#byInternalName.has(internal); suffix++) internal = `${internal.slice(0, 60)}_${suffix}`;
    this.#byInternalName.set(internal, { kind, name, namespace });
    this.#byClientName.set(key, internal);
    return internal;
  }
}

function clientKey(name: string, namespace: string | undefined): string {
  return namespace === undefined ? name : `${namespace}\u0000${name}`;
}

/** `mcp__server` + `tool` → `mcp__server__tool` (Codex's own spelling of MCP tools), held to 64 characters. */
function namespacedName(namespace: string, name: string): string {
  const joined = namespace.endsWith("_") ? `${namespace}${name}` : `${namespace}__${name}`;
  return joined.length <= 64 ? joined : joined.slice(0, 64);
}

function joinDescriptions(first: string | null | undefined, second: string | null | undefined): string | undefined {
  const parts = [first, second].filter((part): part is string => part != null && part !== "");
  return parts.length > 0 ? parts.join("\n\n") : undefined;
}

/** `tool_choice` in the pipeline's vocabulary; forcing a hosted tool is refused (the model does not have it). */
export function chatToolChoice(choice: NonNullable<ResponsesRequest["tool_choice"]>, tools: ResponsesToolMap): ChatCompletionRequest["tool_choice"] {
  if (typeof choice === "string") return choice;
  if ((choice.type === "function" || choice.type === "custom") && "name" in choice && typeof choice.name === "string") {
    const namespace = "namespace" in choice && typeof choice.namespace === "string" ? choice.namespace : undefined;
    return { type: "function", function: { name: tools.internalName(choice.name, namespace) } };
  }
  if (choice.type === "allowed_tools") throw new GatewayError("unsupported_parameter", { param: "tool_choice", message: "`tool_choice` of type `allowed_tools` is not supported: list only the allowed tools in `tools`." });
  throw new GatewayError("hosted_tool_unsupported", {
    param: "tool_choice.type",
    message: `The hosted tool \`${choice.type}\` cannot be forced: Privacy Router does not run hosted tools, so the model does not have it. Define a function tool and run it in your client.`,
  });
}
