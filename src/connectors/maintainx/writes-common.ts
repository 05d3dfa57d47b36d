/**
 * What MaintainX writes share: refusing a unified value MaintainX cannot hold (before any call),
 * reading references and quantities into MaintainX's ids and numbers, and naming the unified
 * field when MaintainX refuses one of its own (its errors carry fieldPath).
 */
import { SystemFailure } from '../../kit/failure.js';

/** A value Manifold cannot write to MaintainX, refused before any call. */
export function refused(code: 'field_not_updatable' | 'invalid_request' | 'record_locked', message: string, field?: string): SystemFailure {
  return new SystemFailure('unsupported', { code, message, field, source: 'manifold' });
}

type Ref = { id?: string | null; remoteId?: string | null } | null | undefined;

/** A reference's MaintainX id (a number), null for null, or a refusal naming the field. */
export function refId(value: Ref, field: string): number | null {
  if (value === null) return null;
  const remote = value?.remoteId;
  if (typeof remote !== 'string' || !/^\d{1,15}$/.test(remote)) {
    throw refused('invalid_request', `${field} must name a MaintainX record by its remoteId (a number), or by the Manifold id of a synced record.`, field);
  }
  return Number(remote);
}

/** A user or team reference (`USER:340`, `TEAM:12`, or a bare user id). */
export function memberId(value: Ref, field: string, allowTeams: boolean): { type: 'USER' | 'TEAM'; id: number } {
  const m = /^(?:(USER|TEAM):)?(\d{1,15})$/.exec(value?.remoteId ?? '');
  if (!m || (!allowTeams && m[1] === 'TEAM')) {
    throw refused('invalid_request', `${field} must name a MaintainX ${allowTeams ? 'user or team' : 'user'} by remoteId ("USER:<id>"${allowTeams ? ' or "TEAM:<id>"' : ''}).`, field);
  }
  return { type: (m[1] as 'USER' | 'TEAM' | undefined) ?? 'USER', id: Number(m[2]) };
}

/** A decimal string as the JSON number MaintainX takes; `whole`: only integers. */
export function toNumber(decimal: unknown, field: string, whole = false): number {
  if (typeof decimal !== 'string' || !/^\d+(\.\d+)?$/.test(decimal)) throw refused('invalid_request', `${field} must be a decimal string of at least 0.`, field);
  if (whole && !/^\d+(\.0+)?$/.test(decimal)) throw refused('invalid_request', `${field} must be a whole number: MaintainX counts these in units.`, field);
  return Number(decimal);
}

/** Runs a write call; MaintainX's fieldPath (`items[1].quantityOrdered`) becomes the unified field. */
export async function naming<T>(call: Promise<T>, fieldOf: (fieldPath: string) => string | undefined): Promise<T> {
  try {
    return await call;
  } catch (err) {
    if (!(err instanceof SystemFailure) || err.code !== 'rejected_by_system' || err.field === undefined) throw err;
    const field = fieldOf(err.field);
    throw new SystemFailure(err.failureClass, {
      code: err.code,
      message: err.message,
      status: err.status,
      systemMessage: err.systemMessage,
      ...(field !== undefined ? { field } : {}),
      source: err.source,
      cause: err,
    });
  }
}
