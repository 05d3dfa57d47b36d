/**
 * What a Proactis answer other than 2xx means for Manifold. Proactis' error body is
 * `{"status":"NOT_FOUND","message":"…","details":[]}` (docs.proactis.com "Status codes"); a
 * throttled call is a bare `429 {"message": "Limit Exceeded"}` without any header. Codes it
 * documents: 400, 401 (token or x-api-key missing, wrong or expired), 403 (an API the client has
 * no access to), 404, 405, 429, 500, 503.
 */
import { SystemFailure } from '../../kit/failure.js';
import type { OutboundResponse } from '../../kit/http.js';
import { genericStatusFailure } from '../../kit/transports/json-rpc.js';

/** The message of a Proactis error body, or the raw text. */
export function proactisMessage(res: OutboundResponse): string {
  try {
    const body = JSON.parse(res.text) as { message?: unknown; details?: unknown };
    if (typeof body.message === 'string') {
      const details = Array.isArray(body.details) && body.details.length ? ` (${body.details.map((d) => (typeof d === 'string' ? d : JSON.stringify(d))).join('; ')})` : '';
      return `${body.message}${details}`;
    }
  } catch {
    // not JSON: fall through to the text
  }
  return res.text;
}

export function classifyStatus(res: OutboundResponse): SystemFailure {
  const said = proactisMessage(res);
  if (res.status === 401) {
    const which = /api key/i.test(said) ? 'the API key (x-api-key)' : /token/i.test(said) ? 'the access token' : 'the credentials';
    return new SystemFailure('config', { code: 'invalid_credentials', status: 401, message: `Proactis refused ${which}: check the client id, client secret and API key Proactis support issued.`, systemMessage: said });
  }
  if (res.status === 403) {
    return new SystemFailure('config', {
      code: 'invalid_credentials',
      status: 403,
      message: 'Proactis refused access: check the domain id, and ask Proactis support to register your API client for this API.',
      systemMessage: said,
    });
  }
  if (res.status === 429) {
    // No Retry-After: the per-minute window is the most a wait can need before the next try.
    return new SystemFailure('transient', { code: 'rate_limited', status: 429, message: "Proactis' rate limit for your organisation is reached (50 requests per minute, 8,000 per day).", systemMessage: said, retryAfterMs: 60_000 });
  }
  if (res.status === 400) return new SystemFailure('config', { code: 'rejected_by_system', status: 400, message: `Proactis refused the request: ${said}`, systemMessage: said });
  if (res.status === 405) return new SystemFailure('unsupported', { code: 'operation_not_supported', status: 405, message: 'Proactis does not allow this operation.', systemMessage: said });
  if (res.status === 404) return new SystemFailure('config', { code: 'system_error', status: 404, message: 'Proactis has nothing at this address: check the region and the domain id.', systemMessage: said });
  return genericStatusFailure(res);
}
