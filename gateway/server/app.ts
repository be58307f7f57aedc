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
import { adminOnly, registerAdminRoutes } from "./routes/admin.js";

/**
 * The gateway's HTTP app. It binds no socket: `listen` does, and tests call `app.request()`.
 * Order matters: id and provenance headers first, then the Host/Origin guard, then the token,
 * then the body limit, then the route. Anything not routed is a 404, never passed through.
 */
export function createGatewayApp(dependencies: GatewayDependencies): Hono<GatewayEnv> {
  const app = new Hono<GatewayEnv>();
  app.use(requestId({ policyVersion: dependencies.policyVersion }));
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
    app.use("/admin/*", clientAuth(dependencies.tokens));
    app.use("/admin/*", adminOnly());
    app.use("/admin/*", bodyLimit({ maxSize: 64 * 1024, onError: () => { throw new GatewayError("payload_too_large"); } }));
    registerAdminRoutes(app, dependencies.admin);
  }
  app.post("/v1/chat/completions", chatCompletionsHandler(dependencies));
  app.post("/v1/embeddings", embeddingsHandler(dependencies));
  app.get("/v1/models", modelsHandler(dependencies));
  for (const path of ["/v1/chat/completions", "/v1/embeddings", "/v1/models"]) {
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
