/**
 * Shapes shared by routes: the error envelope (for OpenAPI; the body itself is built by
 * core/errors), list query parameters, and the response wrappers.
 */
import { z } from 'zod';
import { errorCatalogue, type ErrorCode } from '../core/errors.js';

const codes = Object.keys(errorCatalogue) as [ErrorCode, ...ErrorCode[]];

export const ErrorEnvelope = z
  .object({
    error: z.object({
      type: z.enum(['invalid_request_error', 'authentication_error', 'permission_error', 'not_found_error', 'conflict_error', 'rate_limit_error', 'system_error', 'internal_error'])
        .describe('The broad kind of error.'),
      code: z.enum(codes).describe('The precise error code; see docs/errors.md.'),
      message: z.string().describe('A sentence a person can act on.'),
      requestId: z.string().describe('The id of this request (also in the X-Request-Id header); give it to support.'),
      retryable: z.boolean().describe('Whether the same request may succeed if retried later.'),
      source: z.enum(['manifold', 'system']).describe('Who failed: Manifold itself, or the connected system.'),
      connectionId: z.string().optional().describe('The connection concerned, if any.'),
      system: z.string().optional().describe('The connected system concerned, if any.'),
      details: z.record(z.string(), z.unknown()).optional().describe('Machine-readable details, e.g. issues: [{ path, message }].'),
    }).describe('The error.'),
  })
  .describe('The error envelope every failed request answers with.')
  .meta({ id: 'Error' });

/** The error responses every authenticated route can give, for OpenAPI. */
export const commonErrors = {
  400: ErrorEnvelope.describe('The request is not valid.'),
  401: ErrorEnvelope.describe('No valid key.'),
  403: ErrorEnvelope.describe('The key may not use this route.'),
} as const;

export const booleanQuery = (description: string) =>
  z.enum(['true', 'false']).default('false').transform((v) => v === 'true').describe(description);

export const dataEnvelope = <T extends z.ZodType>(schema: T, description: string) =>
  z.object({ data: schema }).describe(description);
