/**
 * Turns every failure into the error envelope of api.md: ApiErrors as catalogued, schema
 * validation failures as 400 with {path, message} per issue, Fastify's own client errors (bad
 * JSON, oversized body, wrong content type) as 400, unknown routes as 404, and anything else as
 * 500 internal_error — logged with the request id, never with internals in the body.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ApiError, toEnvelope, type ValidationIssue } from '../../core/errors.js';
import { SystemFailure } from '../../kit/failure.js';

function issuePath(instancePath: string | undefined, context: string | undefined): string {
  const segments = (instancePath ?? '').split('/').filter(Boolean).join('.');
  const where = context === 'querystring' ? 'query' : context ?? '';
  return [where, segments].filter(Boolean).join('.');
}

/** Fastify's client-side error codes that mean "your request is malformed". */
const clientErrorMessages: Record<string, (e: FastifyError, limit: number) => ValidationIssue> = {
  FST_ERR_CTP_INVALID_JSON_BODY: () => ({ path: 'body', message: 'is not valid JSON' }),
  FST_ERR_CTP_EMPTY_JSON_BODY: () => ({ path: 'body', message: 'is empty but the content type is application/json' }),
  FST_ERR_CTP_BODY_TOO_LARGE: (_e, limit) => ({ path: 'body', message: `is larger than the limit of ${limit} bytes` }),
  FST_ERR_CTP_INVALID_MEDIA_TYPE: () => ({ path: 'headers.content-type', message: 'must be application/json' }),
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: () => ({ path: 'headers.content-length', message: 'does not match the body' }),
  FST_ERR_CTP_INVALID_TYPE: () => ({ path: 'headers.content-type', message: 'is not a valid content type' }),
};

export function toApiError(error: unknown, bodyLimit: number, ctx: { connectionId?: string; system?: string } = {}): ApiError | undefined {
  if (error instanceof ApiError) return error;
  // A failure of the connected system, classified by its connector: who failed, whether to retry.
  if (error instanceof SystemFailure) return error.toApiError(ctx);
  if (hasZodFastifySchemaValidationErrors(error)) {
    const issues = error.validation.map((v) => ({
      path: issuePath(v.instancePath, error.validationContext),
      message: v.message ?? 'is not valid',
    }));
    return ApiError.invalid(issues);
  }
  const fe = error as Partial<FastifyError>;
  if (fe.code && clientErrorMessages[fe.code]) return ApiError.invalid([clientErrorMessages[fe.code]!(fe as FastifyError, bodyLimit)]);
  // Other 4xx raised by Fastify itself (e.g. malformed URL encoding): still the caller's fault.
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    return ApiError.invalid([{ path: '', message: fe.message ?? 'malformed request' }]);
  }
  return undefined;
}

export function sendError(reply: FastifyReply, request: FastifyRequest, err: ApiError): FastifyReply {
  request.errorCode = err.code;
  if (err.retryAfter !== undefined) reply.header('Retry-After', String(Math.max(0, Math.ceil(err.retryAfter))));
  // A string body skips the route's response serializer, which only knows the success shape.
  return reply.code(err.status).type('application/json; charset=utf-8').send(JSON.stringify(toEnvelope(err, request.id)));
}

export function registerErrorHandling(app: FastifyInstance, bodyLimit: number): void {
  app.setErrorHandler((error, request, reply) => {
    const apiError = toApiError(error, bodyLimit, { connectionId: request.connection?.id, system: request.connection?.system });
    if (apiError) {
      if (apiError.status >= 500) request.log.warn({ err: apiError, code: apiError.code }, 'request failed');
      return sendError(reply, request, apiError);
    }
    request.log.error({ err: error }, 'unexpected error');
    return sendError(reply, request, new ApiError('internal_error'));
  });

  app.setNotFoundHandler((request, reply) =>
    sendError(reply, request, new ApiError('not_found', { message: `No route ${request.method} ${request.url.split('?')[0]}.` })),
  );
}
