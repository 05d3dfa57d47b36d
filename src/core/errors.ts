/**
 * The error catalogue: every error code Manifold answers with, in one place. HTTP status, type,
 * whether a retry can help and who failed are facts of the code, never decided at the throw site.
 * docs/errors.md is generated from this table and a test checks every code is documented.
 */

export type ErrorType =
  | 'invalid_request_error'
  | 'authentication_error'
  | 'permission_error'
  | 'not_found_error'
  | 'conflict_error'
  | 'rate_limit_error'
  | 'system_error'
  | 'internal_error';

export type ErrorSource = 'manifold' | 'system';

export interface CatalogueEntry {
  status: number;
  type: ErrorType;
  retryable: boolean;
  source: ErrorSource;
  /** The default message: a sentence a person can act on. */
  message: string;
}

export const errorCatalogue = {
  invalid_request: {
    status: 400, type: 'invalid_request_error', retryable: false, source: 'manifold',
    message: 'The request is not valid; details.issues lists what to fix.',
  },
  unauthorized: {
    status: 401, type: 'authentication_error', retryable: false, source: 'manifold',
    message: 'Send a valid admin key or connection token as "Authorization: Bearer <key>".',
  },
  forbidden: {
    status: 403, type: 'permission_error', retryable: false, source: 'manifold',
    message: 'This key may not use this route or reach this record.',
  },
  not_found: {
    status: 404, type: 'not_found_error', retryable: false, source: 'manifold',
    message: 'Nothing exists at this address.',
  },
  operation_not_supported: {
    status: 405, type: 'invalid_request_error', retryable: false, source: 'manifold',
    message: 'The connected system does not support this operation.',
  },
  version_conflict: {
    status: 409, type: 'conflict_error', retryable: false, source: 'manifold',
    message: 'The record changed since you read it; read it again and retry with the new version.',
  },
  record_locked: {
    status: 409, type: 'conflict_error', retryable: false, source: 'manifold',
    message: 'The connected system does not allow this change in the record\'s current state.',
  },
  idempotency_key_reused: {
    status: 409, type: 'conflict_error', retryable: false, source: 'manifold',
    message: 'This Idempotency-Key was already used with a different request body.',
  },
  conflict: {
    status: 409, type: 'conflict_error', retryable: false, source: 'manifold',
    message: 'The request conflicts with the current state.',
  },
  invalid_credentials: {
    status: 422, type: 'invalid_request_error', retryable: false, source: 'system',
    message: 'The connected system rejected these credentials; check them and try again.',
  },
  system_permission_denied: {
    status: 403, type: 'permission_error', retryable: false, source: 'system',
    message: 'The connected system refused: the user Manifold logs in as lacks an access right there; the message says which to grant.',
  },
  instance_url_not_allowed: {
    status: 422, type: 'invalid_request_error', retryable: false, source: 'manifold',
    message: 'This instance URL points to an address Manifold is not allowed to reach.',
  },
  field_not_updatable: {
    status: 422, type: 'invalid_request_error', retryable: false, source: 'manifold',
    message: 'The connected system does not allow these fields to be changed.',
  },
  rejected_by_system: {
    status: 422, type: 'invalid_request_error', retryable: false, source: 'system',
    message: 'The connected system refused the change; details.systemMessage says why.',
  },
  rate_limited: {
    status: 429, type: 'rate_limit_error', retryable: true, source: 'manifold',
    message: 'Too many requests; wait for the time in Retry-After and try again.',
  },
  internal_error: {
    status: 500, type: 'internal_error', retryable: true, source: 'manifold',
    message: 'Manifold failed unexpectedly; retry, and give support the request id if it persists.',
  },
  system_error: {
    status: 502, type: 'system_error', retryable: true, source: 'system',
    message: 'The connected system answered with an error.',
  },
  system_unreachable: {
    status: 502, type: 'system_error', retryable: true, source: 'system',
    message: 'The connected system could not be reached; check the instance URL and that it is online.',
  },
  system_unavailable: {
    status: 503, type: 'system_error', retryable: true, source: 'system',
    message: 'The connected system is failing; Manifold paused calls to it. Retry after the time in Retry-After.',
  },
  service_unavailable: {
    status: 503, type: 'internal_error', retryable: true, source: 'manifold',
    message: 'Manifold is not ready (its store is unreachable); retry shortly.',
  },
  system_timeout: {
    status: 504, type: 'system_error', retryable: true, source: 'system',
    message: 'The connected system did not answer in time.',
  },
} as const satisfies Record<string, CatalogueEntry>;

export type ErrorCode = keyof typeof errorCatalogue;

export interface ValidationIssue {
  path: string;
  message: string;
}

export interface ApiErrorOptions {
  message?: string;
  details?: Record<string, unknown>;
  /** Overrides the catalogue's source where a code can come from either side (404, 409, 429). */
  source?: ErrorSource;
  connectionId?: string;
  system?: string;
  /** Seconds, sent as the Retry-After header. */
  retryAfter?: number;
  cause?: unknown;
}

/** An error with a catalogue code; the server turns it into the error envelope. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;
  readonly source: ErrorSource;
  readonly connectionId: string | undefined;
  readonly system: string | undefined;
  readonly retryAfter: number | undefined;

  constructor(code: ErrorCode, options: ApiErrorOptions = {}) {
    super(options.message ?? errorCatalogue[code].message, { cause: options.cause });
    this.name = 'ApiError';
    this.code = code;
    this.details = options.details;
    this.source = options.source ?? errorCatalogue[code].source;
    this.connectionId = options.connectionId;
    this.system = options.system;
    this.retryAfter = options.retryAfter;
  }

  get status(): number {
    return errorCatalogue[this.code].status;
  }

  /** @example throw ApiError.invalid([{ path: 'limit', message: 'must be at most 200' }]) */
  static invalid(issues: ValidationIssue[], message?: string): ApiError {
    const summary = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
    return new ApiError('invalid_request', {
      message: message ?? `The request is not valid: ${summary}`,
      details: { issues },
    });
  }
}

export interface ErrorEnvelope {
  error: {
    type: ErrorType;
    code: ErrorCode;
    message: string;
    requestId: string;
    retryable: boolean;
    source: ErrorSource;
    connectionId?: string;
    system?: string;
    details?: Record<string, unknown>;
  };
}

/** Builds the public error body of api.md for an ApiError. */
export function toEnvelope(err: ApiError, requestId: string): ErrorEnvelope {
  const entry = errorCatalogue[err.code];
  return {
    error: {
      type: entry.type,
      code: err.code,
      message: err.message,
      requestId,
      retryable: entry.retryable,
      source: err.source,
      ...(err.connectionId ? { connectionId: err.connectionId } : {}),
      ...(err.system ? { system: err.system } : {}),
      ...(err.details ? { details: err.details } : {}),
    },
  };
}
