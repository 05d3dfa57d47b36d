/**
 * The Odoo 17.0 simulator with its test handle: an in-process server on 127.0.0.1 hosting two
 * databases (the seeded demo "acme", and a small "acme-staging"), so that a wrong database name
 * fails as Odoo fails. Tests read the simulator's own data, change it as an Odoo user would
 * (through the same ORM: write_date moves, business rules apply), and count the calls received.
 */
import { DEMO_USERS } from './seed-masters.js';
import { seedDatabase, type SeedOptions } from './seed.js';
import { Instance, type LoginPolicy } from './rpc.js';
import { listen, type Counters } from './server.js';
import { executeKw } from './object-service.js';
import type { Database } from './orm.js';

export const ODOO_DATABASE = 'acme';
export const ODOO_STAGING_DATABASE = 'acme-staging';

export interface OdooOptions extends SeedOptions {
  port?: number;
  loginCooldown?: LoginPolicy;
}

export interface OdooSimulator {
  url: string;
  database: string;
  /** The demo credentials: the buyer, with its API key as the password. */
  credentials: { instanceUrl: string; database: string; username: string; password: string };
  /** Logins for tests: `buyer` (Purchase user), `clerk` (an employee without purchase rights), `admin`. */
  users: Record<'admin' | 'buyer' | 'clerk', { uid: number; login: string; password: string; apiKey: string }>;
  db(name?: string): Database;
  /** Calls a model method in the demo database as a user (admin by default), as Odoo's own UI would. */
  execute<T = unknown>(model: string, method: string, args?: unknown[], kwargs?: Record<string, unknown>, as?: 'admin' | 'buyer' | 'clerk'): T;
  /** search_read in the demo database as the admin: the simulator's own data, in Odoo's wire format. */
  searchRead<T = Record<string, unknown>>(model: string, domain: unknown[], fields: string[], kwargs?: Record<string, unknown>): T[];
  counters: Counters;
  stop(): Promise<void>;
}

const user = (login: string) => {
  const u = DEMO_USERS.find((d) => d.login === login)!;
  return { uid: u.id, login: u.login, password: u.password, apiKey: u.apiKey };
};

export async function startOdoo(opts: OdooOptions = {}): Promise<OdooSimulator> {
  const main = seedDatabase(ODOO_DATABASE, opts);
  const staging = seedDatabase(ODOO_STAGING_DATABASE, { seed: (opts.seed ?? 17) + 1, purchaseOrders: 5, vendors: 5, products: 10, equipment: 3, maintenanceRequests: 3, shelves: 2 });
  const instance = new Instance([main, staging], opts.loginCooldown ? { policy: opts.loginCooldown } : {});
  const server = await listen(instance, opts.port ?? 0);
  const users = { admin: user('admin'), buyer: user('buyer@acme.example'), clerk: user('clerk@acme.example') };
  const execute = <T>(model: string, method: string, args: unknown[] = [], kwargs: Record<string, unknown> = {}, as: keyof typeof users = 'admin') =>
    executeKw(main, users[as].uid, model, method, args, kwargs) as T;
  return {
    url: server.url,
    database: ODOO_DATABASE,
    credentials: { instanceUrl: server.url, database: ODOO_DATABASE, username: users.buyer.login, password: users.buyer.apiKey },
    users,
    db: (name = ODOO_DATABASE) => instance.database(name),
    execute,
    searchRead: <T>(model: string, domain: unknown[], fields: string[], kwargs: Record<string, unknown> = {}) =>
      execute<T[]>(model, 'search_read', [domain, fields], { context: { active_test: false }, ...kwargs }),
    counters: server.counters,
    stop: () => server.close(),
  };
}
