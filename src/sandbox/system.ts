/**
 * What every sandbox system offers `npm start`, `manifold sandbox` and the tests: start on a free
 * loopback port (or a given one), say which credentials connect to it, stop. Real systems
 * (Tryton) may be unavailable on a machine; simulators always are.
 */
export interface RunningSandbox {
  /** Base URL of the instance, as the connector's instance URL field expects it. */
  url: string;
  /** Credentials a connection to this sandbox uses (the connector's credential fields). */
  credentials: Record<string, string>;
  stop(): Promise<void>;
}

export interface SandboxSystem {
  /** The connector id this sandbox serves. */
  id: string;
  /** Why this sandbox cannot start on this machine, or undefined when it can. */
  unavailable?(): Promise<string | undefined>;
  /** Roughly how long a start takes, for the log ("the first start builds a database, about 35 s"). */
  startNote?: string;
  start(opts?: { port?: number }): Promise<RunningSandbox>;
}
