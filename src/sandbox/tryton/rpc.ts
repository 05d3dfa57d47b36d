// Minimal Tryton JSON-RPC client used by the sandbox (start, seed) and by tests.
// It is deliberately tiny and dependency-free: the real connector lives in src/ and must
// not be tested with itself.

export type TrytonContext = Record<string, unknown>;

export interface TrytonDecimal {
  __class__: 'Decimal';
  decimal: string;
}

export interface TrytonDate {
  __class__: 'date';
  year: number;
  month: number;
  day: number;
}

/** Tryton wants Decimal fields as tagged objects; a plain JS number would lose digits. */
export function dec(value: string | number): TrytonDecimal {
  return { __class__: 'Decimal', decimal: typeof value === 'number' ? String(value) : value };
}

/** `iso` is YYYY-MM-DD. */
export function date(iso: string): TrytonDate {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new Error(`not an ISO date: ${iso}`);
  return { __class__: 'date', year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

/** An `error` envelope from Tryton (HTTP 200) or a non-2xx status. */
export class TrytonRpcError extends Error {
  constructor(
    message: string,
    readonly method: string,
    readonly status: number,
    readonly error?: unknown,
  ) {
    super(message);
    this.name = 'TrytonRpcError';
  }
}

let nextId = 1;

/**
 * One raw JSON-RPC call. The body must have exactly id/method/params, otherwise Tryton
 * answers with a bare result instead of the envelope.
 */
export async function rawCall<T = unknown>(
  url: string,
  method: string,
  params: unknown[],
  headers: Record<string, string> = {},
  signal?: AbortSignal,
): Promise<T> {
  const id = nextId++;
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ id, method, params }),
    signal,
  });
  if (!res.ok) {
    // 401 (bad login or session), 403 (method not exposed) and 429 come back as HTML or
    // an empty body, so only the status is useful.
    await res.body?.cancel();
    throw new TrytonRpcError(`${method}: HTTP ${res.status}`, method, res.status);
  }
  const body = (await res.json()) as { id: number; result?: T; error?: unknown };
  if (body.error !== undefined && body.error !== null) {
    throw new TrytonRpcError(`${method}: ${describeError(body.error)}`, method, res.status, body.error);
  }
  return body.result as T;
}

function describeError(error: unknown): string {
  if (Array.isArray(error)) {
    const [kind, detail] = error as [unknown, unknown];
    if (Array.isArray(detail)) return `${String(kind)}: ${String(detail[0])}`;
    return detail ? `${String(kind)}: ${String(detail)}` : String(kind);
  }
  return JSON.stringify(error);
}

export interface TrytonSession {
  /** Database URL, http://host:port/<db>/ */
  dbUrl: string;
  userId: number;
  authorization: string;
  context: TrytonContext;
  /** Appends the session context to `model.*` calls, as the official clients do. */
  call<T = unknown>(method: string, params: unknown[]): Promise<T>;
  /** Reloads the context, needed after changing the user's company or employee. */
  refreshContext(): Promise<TrytonContext>;
  logout(): Promise<void>;
}

export async function login(
  baseUrl: string,
  database: string,
  username: string,
  password: string,
): Promise<TrytonSession> {
  const dbUrl = `${baseUrl.replace(/\/$/, '')}/${encodeURIComponent(database)}/`;
  const [userId, key] = await rawCall<[number, string]>(dbUrl, 'common.db.login', [
    username,
    { password },
    'en',
  ]);
  const authorization = `Session ${Buffer.from(`${username}:${userId}:${key}`).toString('base64')}`;
  const headers = { authorization };
  const session: TrytonSession = {
    dbUrl,
    userId,
    authorization,
    context: {},
    call<T>(method: string, params: unknown[]): Promise<T> {
      const full = method.startsWith('model.') ? [...params, session.context] : params;
      return rawCall<T>(dbUrl, method, full, headers);
    },
    async refreshContext() {
      session.context = await rawCall<TrytonContext>(
        dbUrl,
        'model.res.user.get_preferences',
        [true, {}],
        headers,
      );
      return session.context;
    },
    async logout() {
      await rawCall(dbUrl, 'common.db.logout', [], headers);
    },
  };
  await session.refreshContext();
  return session;
}
