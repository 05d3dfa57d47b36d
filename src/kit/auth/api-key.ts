/**
 * Static API-key auth: one key the system issued, sent in a header on every request — either as
 * `Authorization: Bearer <key>` or in a header of the vendor's own (`X-API-Key: <key>`). The key
 * is held so that it cannot leak by accident: logging, JSON-serialising or inspecting the holder
 * shows `[redacted]`, never the key.
 */
import { inspect } from 'node:util';

export interface ApiKeyOptions {
  /** The header the key goes in (default `authorization`). */
  header?: string;
  /** A scheme written before the key (`Bearer` → `Bearer <key>`); none for a bare key header. */
  scheme?: string;
}

const REDACTED = '[redacted]';

export class ApiKeyAuth {
  readonly #key: string;
  readonly header: string;
  readonly scheme: string | undefined;

  constructor(key: string, opts: ApiKeyOptions = {}) {
    // A key with a line break or surrounding spaces would split or corrupt the header.
    if (key.trim() === '' || /[\r\n]/.test(key)) throw new TypeError('An API key must be one non-empty line.');
    this.#key = key.trim();
    this.header = (opts.header ?? 'authorization').toLowerCase();
    this.scheme = opts.scheme;
  }

  /** The header(s) to send: `{ authorization: 'Bearer <key>' }`. */
  headers(): Record<string, string> {
    return { [this.header]: this.scheme ? `${this.scheme} ${this.#key}` : this.#key };
  }

  toJSON(): Record<string, string> {
    return { header: this.header, key: REDACTED };
  }

  toString(): string {
    return `ApiKeyAuth(${this.header}: ${REDACTED})`;
  }

  [inspect.custom](): string {
    return this.toString();
  }
}

/** `Authorization: Bearer <key>`, the most common form. */
export function bearerKey(key: string): ApiKeyAuth {
  return new ApiKeyAuth(key, { scheme: 'Bearer' });
}
