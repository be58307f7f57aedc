import { LlamaText, type ChatWrapper, type ChatWrapperGenerateContextStateOptions, type ChatWrapperGeneratedContextState } from "node-llama-cpp";

/**
 * Wraps a chat wrapper so the model's answer must start with a function call, which is how
 * tool_choice `required` (or a named function) is honoured. node-llama-cpp enters its
 * function-calling mode when a context state has a `functionCall` no-prefix trigger: the call
 * prefix is put into the context and the function name and parameters are then generated under
 * grammars that only admit the offered functions and their parameter schemas.
 *
 * A Proxy (not a subclass) keeps every other behaviour of the wrapped instance, including
 * internal methods node-llama-cpp calls on it.
 */
export function forceFunctionCall(chatWrapper: ChatWrapper): ChatWrapper {
  return new Proxy(chatWrapper, {
    get(target, property) {
      if (property === "generateContextState") {
        return (options: ChatWrapperGenerateContextStateOptions): ChatWrapperGeneratedContextState => {
          const state = target.generateContextState(options);
          return {
            contextText: state.contextText,
            stopGenerationTriggers: state.stopGenerationTriggers,
            noPrefixTrigger: { type: "functionCall", inject: LlamaText(target.settings.functions.call.prefix) },
          };
        };
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === "function" ? (value as (...parameters: unknown[]) => unknown).bind(target) : value;
    },
  });
}
