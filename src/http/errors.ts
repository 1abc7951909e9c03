import type { FastifyError, FastifyInstance, FastifyRequest } from "fastify";
import { AppError, errorMessage, fail, languageOf } from "../platform/errors.js";

/**
 * The one error handler: domain errors keep their code, schema failures become VALIDATION_FAILED,
 * everything unexpected becomes INTERNAL with no detail leaked to the client.
 */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const appError = describeError(error, request);
    const body: Record<string, unknown> = {
      code: appError.code,
      message: errorMessage(appError, languageOf(request.headers["accept-language"])),
    };
    if (appError.details !== undefined) body.details = appError.details;
    if (appError.code === "RATE_LIMITED")
      reply.header("retry-after", String(appError.params.retryAfter ?? 60));
    return reply.status(appError.status).send(body);
  });
}

/**
 * Any error as the AppError a client is told of (unexpected ones logged, their detail kept back):
 * for handlers that must answer in another shape, such as Open311's.
 */
export function describeError(error: FastifyError, request: FastifyRequest): AppError {
  const appError = toAppError(error, request);
  if (appError.status >= 500) request.log.error({ err: error }, "unhandled error");
  return appError;
}

function toAppError(error: FastifyError, request: FastifyRequest): AppError {
  if (error instanceof AppError) return error;
  if (error.validation && !request.actor) return fail("VALIDATION_FAILED", { detail: "request" });
  if (error.validation) {
    const first = error.validation[0];
    const where = first?.instancePath
      ? `${error.validationContext ?? ""}${first.instancePath}`
      : (error.validationContext ?? "");
    const missing = (first?.params as { missingProperty?: string } | undefined)?.missingProperty;
    const extra = (first?.params as { additionalProperty?: string } | undefined)?.additionalProperty;
    const detail = [where, missing ? `'${missing}'` : "", extra ? `'${extra}'` : "", first?.message ?? ""]
      .filter(Boolean)
      .join(" ");
    return fail("VALIDATION_FAILED", { detail }, error.validation);
  }
  if (error.code === "FST_ERR_CTP_BODY_TOO_LARGE") return fail("PAYLOAD_TOO_LARGE", { limit: "bodyLimit" });
  if (error.code === "FST_ERR_CTP_INVALID_MEDIA_TYPE")
    return fail("UNSUPPORTED_FILE", { type: "content-type" });
  if (error.statusCode && error.statusCode < 500) return fail("VALIDATION_FAILED", { detail: error.message });
  return fail("INTERNAL");
}
