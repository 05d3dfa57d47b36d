// Small JSON-RPC helpers the seed's parts share. Tryton ignores a button on a record in
// the wrong state without an error, hence expectStates to read every transition back.

export interface Ctx {
  call<T = unknown>(method: string, params: unknown[]): Promise<T>;
}

/** Records how long the step since the previous lap took, under `name`. */
export type Lap = (name: string) => void;

export async function create(ctx: Ctx, model: string, values: Record<string, unknown>[]): Promise<number[]> {
  const ids = await ctx.call<number[]>(`model.${model}.create`, [values]);
  if (ids.length !== values.length) throw new Error(`${model}.create returned ${ids.length} ids for ${values.length} values`);
  return ids;
}

export async function write(ctx: Ctx, model: string, ids: number[], values: Record<string, unknown>): Promise<void> {
  await ctx.call(`model.${model}.write`, [ids, values]);
}

export async function button(ctx: Ctx, model: string, name: string, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  await ctx.call(`model.${model}.${name}`, [ids]);
}

export async function readStates(ctx: Ctx, ids: number[]): Promise<Map<number, string>> {
  const rows = await ctx.call<{ id: number; state: string }[]>('model.purchase.purchase.read', [ids, ['state']]);
  return new Map(rows.map((r) => [r.id, r.state]));
}

/** A silently ignored button would otherwise go unnoticed until much later. */
export async function expectStates(ctx: Ctx, ids: number[], expected: string, step: string): Promise<void> {
  const states = await readStates(ctx, ids);
  const wrong = ids.filter((id) => states.get(id) !== expected);
  if (wrong.length > 0) {
    const sample = wrong.slice(0, 5).map((id) => `${id}=${states.get(id)}`);
    throw new Error(`${step}: ${wrong.length} purchase(s) not in state ${expected}: ${sample.join(', ')}`);
  }
}

export function firstId(ids: number[]): number {
  const id = ids[0];
  if (id === undefined) throw new Error('expected one id');
  return id;
}
