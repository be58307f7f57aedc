import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { GatewayError } from "../../shared/errors.js";
import { provenanceHeaders } from "../../shared/provenance.js";
import type { GatewayDependencies } from "./gateway-dependencies.js";
import type { GatewayEnv } from "./gateway-env.js";
import { errorResponse } from "./error-response.js";
import { clientAuth } from "./middleware/client-auth.js";
import { loopbackGuard } from "./middleware/loopback-guard.js";
import { requestId } from "./middleware/request-id.js";
import { chatCompletionsHandler } from "./routes/chat-completions.js";
import { embeddingsHandler } from "./routes/embeddings.js";
import { modelsHandler } from "./routes/models.js";
import { responsesHandler } from "./routes/responses.js";
import { messagesHandler } from "./routes/messages.js";
import { countTokensHandler } from "./routes/count-tokens.js";
import { toAnthropicErrorBody } from "./anthropic/error-body.js";
import { registerAdminRoutes } from "./routes/admin.js";
import { registerAdminModelRoutes } from "./routes/admin-models.js";
import { registerUiRoutes } from "./routes/ui.js";
import { adminAuth } from "./middleware/admin-auth.js";
import { securityHeaders } from "./middleware/security-headers.js";
import { perRequest } from "./live-pipeline.js";

/**
 * The gateway's HTTP app. It binds no socket: `listen` does, and tests call `app.request()`.
 * Order matters: id and provenance headers first, then the Host/Origin guard, then the token,
 * then the body limit, then the route. Anything not routed is a 404, never passed through.
 */
export function createGatewayApp(dependencies: GatewayDependencies): Hono<GatewayEnv> {
  const app = new Hono<GatewayEnv>();
  app.use(securityHeaders());
  app.use(requestId({ policyVersion: () => dependencies.live?.current().policyVersion ?? dependencies.policyVersion }));
  // Anthropic clients read Anthropic's error shape, door refusals (Host, token) included.
  for (const path of ["/v1/messages", "/v1/messages/*"]) {
    app.use(path, async (context, next) => {
      context.set("errorBody", toAnthropicErrorBody);
      await next();
    });
  }
  app.use(loopbackGuard({ port: dependencies.port, extraHosts: dependencies.extraHosts ?? [] }));

  // Answers without a token and reveals nothing: no version, no config, no model names.
  app.get("/healthz", (context) => {
    // Answered by the gateway itself: nothing was routed, nothing left the machine.
    context.header(provenanceHeaders.route, "local");
    return context.json({ status: "ok" });
  });

  app.use("/v1/*", clientAuth(dependencies.tokens));
  app.use(
    "/v1/*",
    bodyLimit({
      maxSize: dependencies.config.server.maxBodyBytes,
      onError: () => {
        throw new GatewayError("payload_too_large");
      },
    }),
  );
  if (dependencies.admin) {
    // The UI's files and its sign-in page; every data call below needs the session or an admin token.
    registerUiRoutes(app, { directory: dependencies.admin.uiDirectory, sessions: dependencies.admin.sessions, loginTokens: dependencies.admin.loginTokens, port: dependencies.port });
    app.use("/admin/*", adminAuth({ sessions: dependencies.admin.sessions, tokens: dependencies.tokens, port: dependencies.port }));
    app.use("/admin/*", bodyLimit({ maxSize: 1024 * 1024, onError: () => { throw new GatewayError("payload_too_large"); } }));
    registerAdminRoutes(app, dependencies.admin, dependencies);
    if (dependencies.adminModels) registerAdminModelRoutes(app, dependencies.adminModels);
  }
  // Each request runs under the pipeline parts in use when it starts (a config change swaps them).
  app.post("/v1/chat/completions", perRequest(dependencies, chatCompletionsHandler));
  app.post("/v1/responses", perRequest(dependencies, responsesHandler));
  app.post("/v1/messages", perRequest(dependencies, messagesHandler));
  app.post("/v1/messages/count_tokens", perRequest(dependencies, countTokensHandler));
  app.post("/v1/embeddings", perRequest(dependencies, embeddingsHandler));
  app.get("/v1/models", perRequest(dependencies, modelsHandler));
  for (const path of ["/v1/chat/completions", "/v1/responses", "/v1/messages", "/v1/messages/count_tokens", "/v1/embeddings", "/v1/models"]) {
    app.all(path, () => {
      throw new GatewayError("method_not_allowed");
    });
  }

  app.notFound(() => {
    throw new GatewayError("not_found");
  });
  app.onError((error, context) => errorResponse(context, error, dependencies.logger));
  return app;
}
