import type { GatewayError } from "../../../shared/errors.js";

/**
 * The Responses API's error shapes, built from a catalogue error in one place: the `error`
 * streaming event, and the `error` field of a failed response object. Errors answered before a
 * stream starts use the gateway's OpenAI error body, as OpenAI's Responses endpoint does.
 */
export function toResponsesErrorEvent(error: GatewayError): { type: "error"; code: string; message: string; param: string | null } {
  return { type: "error", code: error.code, message: error.message, param: error.param };
}

export function toResponseErrorField(error: GatewayError): { code: string; message: string } {
  return { code: error.code, message: error.message };
}
