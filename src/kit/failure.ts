/**
 * A failed call to a connected system, classified. The class decides what happens next:
 * `config` needs the user (bad password, missing permission: no retry, connection needs
 * attention), `transient` may succeed later (retry with backoff), `system` means the system is
 * broken or answered nonsense, `unsupported` means it cannot do what was asked.
 */
import { ApiError, type ErrorCode } from '../core/errors.js';

export type FailureClass = 'config' | 'transient' | 'system' | 'unsupported';

export interface SystemFailureOptions {
  /** The catalogue code the client will see. */
  code: ErrorCode;
  message: string;
  /** HTTP status the system answered, if any. */
  status?: number;
  /** The system's own words (redacted, shortened) for the client and the log. */
  systemMessage?: string;
  /** The field concerned, when the system names it. */
  field?: string;
  /** When the system said how long to wait. */
  retryAfterMs?: number;
  /** Who refused: the system (default), or Manifold itself on the system's behalf (address policy). */
  source?: 'system' | 'manifold';
  cause?: unknown;
}

export class SystemFailure extends Error {
  readonly failureClass: FailureClass;
  readonly code: ErrorCode;
  readonly status: number | undefined;
  readonly systemMessage: string | undefined;
  readonly field: string | undefined;
  readonly retryAfterMs: number | undefined;
  readonly source: 'system' | 'manifold';

  constructor(failureClass: FailureClass, opts: SystemFailureOptions) {
    super(opts.message, { cause: opts.cause });
    this.name = 'SystemFailure';
    this.failureClass = failureClass;
    this.code = opts.code;
    this.status = opts.status;
    this.systemMessage = opts.systemMessage === undefined ? undefined : excerpt(opts.systemMessage);
    this.field = opts.field;
    this.retryAfterMs = opts.retryAfterMs;
    this.source = opts.source ?? 'system';
  }

  /** The client-facing error, attributed to the system and the connection. */
  toApiError(ctx: { connectionId?: string; system?: string }): ApiError {
    return new ApiError(this.code, {
      message: this.message,
      source: this.source,
      connectionId: ctx.connectionId,
      system: ctx.system,
      retryAfter: this.retryAfterMs === undefined ? undefined : this.retryAfterMs / 1000,
      details: {
        failureClass: this.failureClass,
        ...(this.status !== undefined ? { systemStatus: this.status } : {}),
        ...(this.systemMessage !== undefined ? { systemMessage: this.systemMessage } : {}),
        ...(this.field !== undefined ? { field: this.field } : {}),
      },
    });
  }
}

const SECRETISH = /(password|passwd|secret|token|session|authorization|api[_-]?key)(["'\s:=]+)([^"'\s,;}]+)/gi;

/** A short, redacted excerpt of what a system said: never a secret, never a whole HTML page. */
export function excerpt(text: string, max = 300): string {
  const plain = text.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
  const redacted = plain.replace(SECRETISH, '$1$2[redacted]');
  return redacted.length > max ? `${redacted.slice(0, max)}…` : redacted;
}
