/**
 * A checked cXML OrderRequest → a purchase order of the connection, all or nothing: in one
 * transaction the document is claimed by its payloadID (a repeat is a duplicate), the order's
 * orderVersion is compared with the one held (an older or equal version changes nothing: 409),
 * the record is written the way sync writes records (derived id, content hash, version) and its
 * change event appended. A cancel (type="delete") keeps the record with status cancelled.
 */
import { z } from 'zod';
import { randomId, recordId } from '../../core/ids.js';
import { cancelledOrder, toPurchaseOrder } from '../../kit/cxml/to-purchase-order.js';
import type { CxmlOrderRequest } from '../../kit/cxml/types.js';
import type { Reference } from '../../models/common.js';
import { entityByKey } from '../../models/registry.js';
import { createRepos, type ConnectionRow, type Repos, type Store } from '../../store/index.js';
import type { CxmlOrderRow } from '../../store/repos/cxml-intake.js';

export type ReceiveOutcome =
  | { kind: 'stored'; outcome: 'created' | 'updated' | 'cancelled' | 'unchanged'; recordId: string; version: number | null }
  | { kind: 'duplicate'; recordId: string }
  | { kind: 'conflict'; message: string };

export interface ReceiveInput {
  connection: ConnectionRow;
  request: CxmlOrderRequest;
  /** The document as stored in remoteData (secrets stripped). */
  remoteData: Record<string, unknown>;
  /** SHA-256 of the document's text. */
  contentHash: string;
  now?: Date;
}

const ENTITY = 'purchaseOrders';
const entity = entityByKey(ENTITY)!;
const validator = z.strictObject(entity.fields);

/** Another request changed the same order or took the same payloadID first: start over. */
class RaceLost extends Error {}
const ATTEMPTS = 4;

export async function receiveOrder(store: Store, input: ReceiveInput): Promise<ReceiveOutcome> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await store.db.transaction().execute((trx) => apply(createRepos(trx), input));
    } catch (err) {
      if (!(err instanceof RaceLost)) throw err;
      if (attempt >= ATTEMPTS) return { kind: 'conflict', message: 'The order was being changed by another document at the same time; send this one again.' };
    }
  }
}

type Plan = { kind: 'write' } | { kind: 'cancel'; head: CxmlOrderRow } | { kind: 'keep'; head: CxmlOrderRow } | { kind: 'conflict'; message: string };

function plan(req: CxmlOrderRequest, head: CxmlOrderRow | undefined): Plan {
  const h = req.header;
  const incoming = h.orderVersion ?? 1;
  if (!head) return { kind: 'write' };
  if (head.state === 'cancelled') {
    if (h.type === 'delete') return { kind: 'keep', head };
    return { kind: 'conflict', message: `Order ${h.orderID} was cancelled; a cancelled order is not changed again.` };
  }
  if (h.type === 'delete') {
    // A cancel may repeat the current version or carry none; only an older one is stale.
    if (h.orderVersion !== null && h.orderVersion < head.orderVersion) {
      return { kind: 'conflict', message: `orderVersion ${h.orderVersion} is older than the order's current version ${head.orderVersion}; nothing was cancelled.` };
    }
    return { kind: 'cancel', head };
  }
  if (incoming <= head.orderVersion) {
    return { kind: 'conflict', message: `Order ${h.orderID} is already at orderVersion ${head.orderVersion}; a change needs a higher orderVersion (got ${incoming}). Nothing was stored.` };
  }
  return { kind: 'write' };
}

async function apply(repos: Repos, input: ReceiveInput): Promise<ReceiveOutcome> {
  const { connection, request: req } = input;
  const h = req.header;
  const now = (input.now ?? new Date()).toISOString();
  const id = recordId(entity.idPrefix, connection.id, ENTITY, h.orderID);

  const seenBefore = async (): Promise<ReceiveOutcome | undefined> => {
    const seen = await repos.cxmlIntake.getDocument(connection.id, req.payloadID);
    if (!seen) return undefined;
    return seen.contentHash === input.contentHash
      ? { kind: 'duplicate', recordId: id }
      : { kind: 'conflict', message: `payloadID ${req.payloadID} was already used by another document; every document needs its own payloadID.` };
  };
  const duplicate = await seenBefore();
  if (duplicate) return duplicate;
  const head = await repos.cxmlIntake.getOrder(connection.id, h.orderID);
  const decided = plan(req, head);
  // Each read sees what was committed when it ran (read committed): a copy of this very document
  // may have committed between the two reads, which makes it a duplicate, not a conflict.
  if (decided.kind === 'conflict') return (await seenBefore()) ?? decided;

  let outcome: 'created' | 'updated' | 'cancelled' | 'unchanged' = 'unchanged';
  let version: number | null = null;
  if (decided.kind !== 'keep') {
    const stored = decided.kind === 'cancel' ? await repos.records.get(connection.id, ENTITY, id) : undefined;
    const mapped = stored
      ? { ...cancelledOrder(stored.data, stored.customFields, req), createdAt: stored.createdAt, remoteData: stored.remoteData }
      : { ...toPurchaseOrder(req, { recordId: id, vendor: await resolveVendor(repos, connection.id, req) }), remoteData: input.remoteData };
    const checked = validator.safeParse(mapped.fields);
    // The mapper makes only valid orders from a checked document: a failure here is Manifold's own.
    if (!checked.success) throw new Error(`cXML order ${h.orderID} did not map to a valid purchase order: ${JSON.stringify(checked.error.issues.slice(0, 3))}`);
    const { record, outcome: upsert } = await repos.records.upsert({
      id,
      connectionId: connection.id,
      entity: ENTITY,
      remoteId: h.orderID,
      data: checked.data,
      remoteData: mapped.remoteData,
      customFields: mapped.customFields,
      status: checked.data.status as string,
      createdAt: mapped.createdAt,
      // When Manifold received the change, not the sender's timestamp: a client polling with
      // modifiedAfter must see a document that arrives late or from a sender with a slow clock.
      updatedAt: now,
      syncedAt: now,
    });
    version = record.version;
    if (upsert !== 'unchanged') {
      outcome = decided.kind === 'cancel' ? 'cancelled' : upsert === 'created' ? 'created' : 'updated';
      // As sync does: created for a new record, updated for any other change (a cancel included).
      await repos.events.append([{ id: randomId('evt'), connectionId: connection.id, entity: ENTITY, recordId: record.id, type: upsert === 'created' ? 'created' : 'updated', payload: { version: record.version, source: 'cxml' } }]);
    }
  }

  const next: CxmlOrderRow = {
    connectionId: connection.id,
    orderId: h.orderID,
    recordId: id,
    orderVersion: Math.max(head?.orderVersion ?? 0, h.orderVersion ?? 1),
    state: h.type === 'delete' || head?.state === 'cancelled' ? 'cancelled' : 'open',
    lastPayloadId: req.payloadID,
    updatedAt: now,
  };
  const claimed = head ? await repos.cxmlIntake.updateOrder(next, head.lastPayloadId) : await repos.cxmlIntake.insertOrder(next);
  if (!claimed) throw new RaceLost();
  const recorded = await repos.cxmlIntake.insertDocument({
    connectionId: connection.id,
    payloadId: req.payloadID,
    contentHash: input.contentHash,
    orderId: h.orderID,
    type: h.type,
    orderVersion: h.orderVersion,
    outcome,
    receivedAt: now,
  });
  if (!recorded) throw new RaceLost();
  return { kind: 'stored', outcome, recordId: id, version };
}

/** The To identity as a vendor this connection holds (by remote id), where there is one. */
async function resolveVendor(repos: Repos, connectionId: string, req: CxmlOrderRequest): Promise<Reference | null | undefined> {
  for (const credential of req.to) {
    const vendor = await repos.records.getByRemoteId(connectionId, 'vendors', credential.identity);
    if (vendor && vendor.deletedAt === null) {
      const name = typeof vendor.data.name === 'string' ? vendor.data.name : null;
      const code = typeof vendor.data.code === 'string' ? vendor.data.code : credential.identity;
      return { id: vendor.id, remoteId: vendor.remoteId, name, code };
    }
  }
  return undefined;
}
