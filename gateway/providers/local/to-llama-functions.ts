import type { ChatModelFunctions } from "node-llama-cpp";
import type { ToolChoice, ToolDefinition } from "../../../shared/chat.js";
import { GatewayError } from "../../../shared/errors.js";
import { toGrammarJsonSchema } from "./to-grammar-json-schema.js";

export interface LlamaFunctionPlan {
  /** The functions the model may call; `undefined` when it may call none. */
  functions: ChatModelFunctions | undefined;
  /** The model must answer with a call (tool_choice `required` or a named function). */
  forceCall: boolean;
}

/** OpenAI's rule for function names; node-llama-cpp's grammar also needs names without spaces. */
const functionNamePattern = /^[A-Za-z0-9_-]{1,64}$/;

/** Maps `tools` and `tool_choice` to node-llama-cpp function definitions. Nothing is executed here. */
export function toLlamaFunctions(tools: readonly ToolDefinition[] | undefined, toolChoice: ToolChoice | undefined): LlamaFunctionPlan {
  const definitions = tools ?? [];
  if (definitions.length === 0) {
    if (toolChoice !== undefined && toolChoice !== "none" && toolChoice !== "auto") {
      throw new GatewayError("invalid_request", { message: "`tool_choice` asks for a tool call, but the request has no `tools`.", param: "tool_choice" });
    }
    return { functions: undefined, forceCall: false };
  }
  if (toolChoice === "none") return { functions: undefined, forceCall: false };

  const functions: Record<string, ChatModelFunctions[string]> = {};
  definitions.forEach((tool, index) => {
    const name = tool.function.name;
    if (!functionNamePattern.test(name)) {
      throw new GatewayError("invalid_request", {
        message: `Tool names may use letters, digits, _ and - only (at most 64); ${JSON.stringify(name)} does not.`,
        param: `tools[${index}].function.name`,
      });
    }
    if (Object.hasOwn(functions, name)) {
      throw new GatewayError("invalid_request", { message: `Two tools are named ${name}.`, param: `tools[${index}].function.name` });
    }
    functions[name] = {
      ...(tool.function.description === undefined ? {} : { description: tool.function.description }),
      ...(tool.function.parameters === undefined
        ? {}
        : { params: toGrammarJsonSchema(tool.function.parameters, `tools[${index}].function.parameters`) }),
    };
  });

  if (typeof toolChoice === "object") {
    const chosen = toolChoice.function.name;
    const definition = functions[chosen];
    if (definition === undefined) {
      throw new GatewayError("invalid_request", { message: `\`tool_choice\` names ${chosen}, which is not among the tools.`, param: "tool_choice" });
    }
    // Offering only the named function makes node-llama-cpp's forced call pick it.
    return { functions: { [chosen]: definition }, forceCall: true };
  }
  return { functions, forceCall: toolChoice === "required" };
}
