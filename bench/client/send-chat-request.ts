import { request as httpRequest, type Agent, type IncomingMessage } from "node:http";
import { performance } from "node:perf_hooks";
import { createParser } from "eventsource-parser";
import type { PreparedRequest } from "./prepared-request.js";

export interface RequestTiming {
  /** From just before the request is written to the last byte of the answer. */
  totalMilliseconds: number;
  /** Streams only: until the first event that carries text. */
  firstContentMilliseconds: number | undefined;
}

/** Sends one prepared request and times it; rejects on anything but a complete, correct answer. */
export function sendChatRequest(agent: Agent, prepared: PreparedRequest): Promise<RequestTiming> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const request = httpRequest(prepared.url, { method: "POST", agent, headers: prepared.headers }, (response) => {
      const problem = response.statusCode === 200 ? prepared.checkHeaders(response.headers) : undefined;
      if (response.statusCode !== 200 || problem !== undefined) {
        readAll(response).then((text) => reject(new Error(`${problem ?? `HTTP ${response.statusCode}`}: ${text.slice(0, 300)}`)), reject);
        return;
      }
      const reader = prepared.stream ? readEventStream(response, start) : readAll(response).then((text) => ({ text, firstContentMilliseconds: undefined }));
      reader.then(({ text, firstContentMilliseconds }) => {
        const totalMilliseconds = performance.now() - start;
        if (!text.includes(prepared.expectedInAnswer)) {
          reject(new Error(`the answer lacks the echoed prompt text: ${text.slice(0, 300)}`));
          return;
        }
        resolve({ totalMilliseconds, firstContentMilliseconds });
      }, reject);
    });
    request.on("error", reject);
    request.end(prepared.body);
  });
}

function readAll(response: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = "";
    response.setEncoding("utf8");
    response.on("data", (chunk: string) => (text += chunk));
    response.on("end", () => resolve(text));
    response.on("error", reject);
  });
}

/** Parses the event stream as it arrives, noting when the first text shows up. */
function readEventStream(response: IncomingMessage, start: number): Promise<{ text: string; firstContentMilliseconds: number }> {
  return new Promise((resolve, reject) => {
    let text = "";
    let firstContentMilliseconds: number | undefined;
    let done = false;
    const parser = createParser({
      onEvent(event) {
        if (event.data === "[DONE]") {
          done = true;
          return;
        }
        const chunk = JSON.parse(event.data) as { choices?: Array<{ delta?: { content?: string | null } }> };
        const content = chunk.choices?.[0]?.delta?.content;
        if (typeof content === "string" && content.length > 0) {
          firstContentMilliseconds ??= performance.now() - start;
          text += content;
        }
      },
    });
    response.setEncoding("utf8");
    response.on("data", (chunk: string) => {
      try {
        parser.feed(chunk);
      } catch (error) {
        response.destroy();
        reject(error as Error);
      }
    });
    response.on("end", () => {
      if (!done || firstContentMilliseconds === undefined) reject(new Error(`the stream ended without ${done ? "any text" : "[DONE]"}`));
      else resolve({ text, firstContentMilliseconds });
    });
    response.on("error", reject);
  });
}
