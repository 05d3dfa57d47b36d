/**
 * Session-login auth: log in once with the credentials, reuse the session on every call, and log
 * in again — once — when the system says the session expired. Concurrent callers share one login.
 * The vendor-specific parts (how to log in, how a session expiry looks) come from the connector.
 */
export class SessionAuth<S> {
  private current: Promise<S> | undefined;
  private readonly login: () => Promise<S>;

  constructor(login: () => Promise<S>) {
    this.login = login;
  }

  /** The live session, logging in if there is none (one login for all concurrent callers). */
  session(): Promise<S> {
    if (!this.current) {
      const attempt = this.login();
      this.current = attempt;
      attempt.catch(() => {
        if (this.current === attempt) this.current = undefined;
      });
    }
    return this.current;
  }

  /** Forget a session the system no longer accepts (only if no one replaced it already). */
  invalidate(stale: S): void {
    void this.current?.then((s) => {
      if (s === stale) this.current = undefined;
    });
  }

  /**
   * Runs a call with the session; if it fails because the session expired, logs in again and
   * retries once. A second expiry is the caller's failure to see (credentials changed, say).
   */
  async run<T>(call: (session: S) => Promise<T>, isExpired: (err: unknown) => boolean): Promise<T> {
    const session = await this.session();
    try {
      return await call(session);
    } catch (err) {
      if (!isExpired(err)) throw err;
      if (this.current) {
        const live = await this.current.catch(() => undefined);
        if (live === session) this.current = undefined;
      }
      return call(await this.session());
    }
  }
}
