/**
 * The checks a write passes before any call to the system, all pure: which fields a body sets,
 * whether the capabilities allow them, which required ones are missing, whether the record's
 * state locks it. Field paths name line fields as `lines[].quantity`; a required entry may offer
 * alternatives, `lines[].item|lines[].itemCode` (either one will do).
 */
import { z } from 'zod';
import { ApiError, type ValidationIssue } from '../../core/errors.js';
import type { WriteCapabilities } from '../../kit/writes.js';

/** A zod schema whose objects (nested, in arrays, nullable) all have optional keys, still strict. */
export function deepPartial(schema: z.ZodType): z.ZodType {
  if (schema instanceof z.ZodObject) {
    const shape: Record<string, z.ZodType> = {};
    for (const [k, v] of Object.entries(schema.shape as Record<string, z.ZodType>)) shape[k] = deepPartial(v).optional();
    const out = z.strictObject(shape);
    return schema.description ? out.describe(schema.description) : out;
  }
  if (schema instanceof z.ZodNullable) return deepPartial(schema.unwrap() as z.ZodType).nullable();
  if (schema instanceof z.ZodOptional) return deepPartial(schema.unwrap() as z.ZodType).optional();
  if (schema instanceof z.ZodArray) return z.array(deepPartial(schema.element as z.ZodType));
  return schema;
}

/** The field paths a body sets: top-level keys, and `lines[].key` for keys set on any line. */
export function fieldPaths(body: Record<string, unknown>): string[] {
  const paths = new Set<string>();
  for (const [key, value] of Object.entries(body)) {
    if (value === undefined) continue;
    paths.add(key);
    if (Array.isArray(value)) {
      for (const item of value) {
        if (item && typeof item === 'object') for (const k of Object.keys(item)) paths.add(`${key}[].${k}`);
      }
    }
  }
  return [...paths];
}

/**
 * Paths the capabilities do not allow. An array key is allowed when it or any of its item paths
 * is listed; item keys `id`/`remoteId` only identify a line and are always allowed.
 */
export function notAllowed(paths: string[], allowed: readonly string[]): string[] {
  const set = new Set(allowed);
  return paths.filter((p) => {
    if (set.has(p)) return false;
    const item = /^(\w+)\[\]\.(\w+)$/.exec(p);
    if (item) return !(item[2] === 'id' || item[2] === 'remoteId');
    return ![...set].some((a) => a.startsWith(`${p}[].`));
  });
}

function present(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '';
}

/** Every required field the body lacks, each named with its full path (lines by index). */
export function missingRequired(body: Record<string, unknown>, required: readonly string[]): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const entry of required) {
    const options = entry.split('|');
    const item = options.map((o) => /^(\w+)\[\]\.(\w+)$/.exec(o));
    if (item.every(Boolean)) {
      const arrayKey = item[0]![1]!;
      const list = body[arrayKey];
      if (!Array.isArray(list)) continue; // the array itself is required only if listed on its own
      list.forEach((line, i) => {
        const l = (line ?? {}) as Record<string, unknown>;
        if (!item.some((m) => present(l[m![2]!]))) {
          issues.push({ path: options.map((_, k) => `${arrayKey}[${i}].${item[k]![2]}`).join('|'), message: options.length > 1 ? 'one of these is required' : 'is required' });
        }
      });
    } else if (!options.some((o) => present(body[o]))) {
      issues.push({ path: entry, message: options.length > 1 ? 'one of these is required' : 'is required' });
    }
  }
  return issues;
}

export interface WriteRequest {
  operation: 'create' | 'update' | 'delete';
  body: Record<string, unknown>;
  /** The record's current unified status (update, delete). */
  currentStatus?: string | null;
}

/**
 * 405 unless the operation is offered. `caps` are what the resource offers (kit/writes.ts
 * `offeredWrites`: declared and backed by a function), so this runs before any call — before the
 * re-read of an update or delete too.
 */
export function checkOffered(caps: WriteCapabilities | undefined, operation: WriteRequest['operation'], what: string): void {
  const offered = operation === 'create' ? caps?.create : operation === 'update' ? caps?.update : caps?.delete && caps.delete.mode !== 'none';
  if (!offered) {
    throw new ApiError('operation_not_supported', { message: `This system does not allow ${operation === 'create' ? 'creating' : operation === 'update' ? 'changing' : 'deleting'} ${what} through its API.` });
  }
}

/**
 * Refuses what the capabilities rule out, with the error the API contract names; answers the
 * status transition requested, if any. Never calls the system.
 */
export function checkWrite(caps: WriteCapabilities | undefined, req: WriteRequest, what: string): { transition?: string } {
  checkOffered(caps, req.operation, what);
  if (!req.body || typeof req.body !== 'object' || Array.isArray(req.body)) throw ApiError.invalid([{ path: 'body', message: 'must be a JSON object' }]);
  if (req.operation === 'create' && caps?.create) {
    const refused = notAllowed(fieldPaths(req.body), caps.create.writableFields);
    if (refused.length) throw new ApiError('field_not_updatable', { message: `These fields cannot be set on a new ${what} in this system: ${refused.join(', ')}.`, details: { fields: refused, writableFields: caps.create.writableFields } });
    const missing = missingRequired(req.body, caps.create.requiredFields);
    if (missing.length) throw ApiError.invalid(missing, `Missing required fields: ${missing.map((m) => m.path).join(', ')}.`);
    return {};
  }
  if (req.operation === 'update' && caps?.update) {
    const { status, customFields, ...fields } = req.body;
    const paths = [...fieldPaths(fields), ...(customFields && typeof customFields === 'object' ? Object.keys(customFields).map((k) => `customFields.${k}`) : [])];
    // Custom fields are checked against the connection's mapping by the engine.
    const refused = notAllowed(paths.filter((p) => !p.startsWith('customFields.')), caps.update.updatableFields);
    if (status !== undefined && !caps.update.transitions) refused.push('status');
    if (refused.length) throw new ApiError('field_not_updatable', { message: `These fields cannot be changed in this system: ${refused.join(', ')}.`, details: { fields: refused, updatableFields: caps.update.updatableFields } });
    const lock = caps.update.lockedWhen;
    if (paths.length && lock && req.currentStatus && lock.statuses.includes(req.currentStatus)) {
      throw new ApiError('record_locked', { message: `This ${what} is ${req.currentStatus}: ${lock.reason}`, details: { status: req.currentStatus, lockedWhen: lock.statuses, enforcedBy: lock.enforcedBy } });
    }
    if (typeof status === 'string' && status !== req.currentStatus) {
      const from = caps.update.transitions?.[status];
      if (!from) throw new ApiError('field_not_updatable', { message: `This system cannot move a ${what} to ${status}.`, details: { fields: ['status'], transitions: caps.update.transitions } });
      if (!req.currentStatus || !from.includes(req.currentStatus)) {
        throw new ApiError('record_locked', { message: `A ${what} cannot move from ${req.currentStatus} to ${status} in this system (only from ${from.join(', ')}).`, details: { status: req.currentStatus, allowedFrom: from } });
      }
      return { transition: status };
    }
    return {};
  }
  const lock = caps?.delete?.lockedWhen;
  if (lock && req.currentStatus && lock.statuses.includes(req.currentStatus)) {
    throw new ApiError('record_locked', { message: `This ${what} is ${req.currentStatus}: ${lock.reason}`, details: { status: req.currentStatus, lockedWhen: lock.statuses, enforcedBy: lock.enforcedBy } });
  }
  return {};
}
