/**
 * x2many write commands (protocols-erp.md §6.3; odoo/fields.py Command): `[0, 0, vals]` create,
 * `[1, id, vals]` update, `[2, id, 0]` delete, `[3, id, 0]` unlink, `[4, id, 0]` link, `[5, 0, 0]`
 * clear, `[6, 0, ids]` replace. A one2many's records belong to their parent: unlinking one from
 * it deletes it (the inverse many2one is required and cascades); a many2many only changes links.
 */
import { valueError } from './errors.js';
import type { Env, Field } from './fields.js';

export function applyCommands(env: Env, model: string, id: number, name: string, f: Field, commands: unknown): void {
  const db = env.db;
  // A plain list of ids on a many2many replaces the links, like [6, 0, ids].
  if (f.type === 'many2many' && Array.isArray(commands) && commands.every((c) => typeof c === 'number')) {
    commands = [[6, 0, commands]];
  }
  if (!Array.isArray(commands)) throw valueError(`Wrong value for ${model}.${name}: ${JSON.stringify(commands)}`);
  const row = db.get(model, id)!;
  const links = () => (Array.isArray(row[name]) ? [...(row[name] as number[])] : []);
  for (const command of commands) {
    if (!Array.isArray(command) || typeof command[0] !== 'number') throw valueError(`Wrong value for ${model}.${name}: ${JSON.stringify(command)}`);
    const [code, target, vals] = command as [number, unknown, unknown];
    const targetId = typeof target === 'number' ? target : 0;
    const children = () => db.value(env, model, row, name) as number[];
    if (f.type === 'one2many') {
      const inverse = f.inverse!;
      switch (code) {
        case 0:
          db.create(env, f.relation!, { ...(vals as Record<string, unknown>), [inverse]: id });
          break;
        case 1:
          if (!children().includes(targetId)) throw valueError(`Record ${f.relation}(${targetId},) is not in ${model}.${name}`);
          db.write(env, f.relation!, [targetId], vals as Record<string, unknown>);
          break;
        case 2:
        case 3:
          db.unlink(env, f.relation!, [targetId]);
          break;
        case 4:
          db.write(env, f.relation!, [targetId], { [inverse]: id });
          break;
        case 5:
          if (children().length) db.unlink(env, f.relation!, children());
          break;
        case 6: {
          const keep = Array.isArray(vals) ? (vals as number[]) : [];
          const drop = children().filter((c) => !keep.includes(c));
          if (drop.length) db.unlink(env, f.relation!, drop);
          for (const k of keep) db.write(env, f.relation!, [k], { [inverse]: id });
          break;
        }
        default:
          throw valueError(`Wrong value for ${model}.${name}: ${JSON.stringify(command)}`);
      }
      continue;
    }
    let now = links();
    switch (code) {
      case 0:
        now.push(db.create(env, f.relation!, vals as Record<string, unknown>));
        break;
      case 1:
        db.write(env, f.relation!, [targetId], vals as Record<string, unknown>);
        break;
      case 2:
        db.unlink(env, f.relation!, [targetId]);
        now = now.filter((x) => x !== targetId);
        break;
      case 3:
        now = now.filter((x) => x !== targetId);
        break;
      case 4:
        if (!db.get(f.relation!, targetId)) throw db.foreignKeyError(model, name, f);
        if (!now.includes(targetId)) now.push(targetId);
        break;
      case 5:
        now = [];
        break;
      case 6:
        now = Array.isArray(vals) ? [...new Set(vals as number[])] : [];
        break;
      default:
        throw valueError(`Wrong value for ${model}.${name}: ${JSON.stringify(command)}`);
    }
    row[name] = now;
  }
}
