/**
 * Purchase orders: purchase.purchase, with its purchase.line records and their stock moves read
 * in one batched call each per page, embedded in the native record.
 */
import { defineResource } from '../../../kit/definition.js';
import { SystemFailure } from '../../../kit/failure.js';
import type { Domain, TrytonClient } from '../client.js';
import { changedSince, groupBy, idPages, latest, toId } from '../listing.js';
import { MoveRaw, PurchaseLineRaw, PurchaseRaw, fieldNames, type Replace } from '../raw.js';
import { toPurchaseOrder } from './purchase-order-map.js';
import { purchaseOrderMapping } from './purchase-order-mapping.js';
import { purchaseOrderWrites } from './purchase-order-writes.js';

type Header = Replace<PurchaseRaw, { lines: number[] }>;
type Line = Replace<PurchaseLineRaw, { moves: (number | MoveRaw)[] }>;

const HEADER_FIELDS = fieldNames(PurchaseRaw.shape);
const LINE_FIELDS = fieldNames(PurchaseLineRaw.shape);
const MOVE_FIELDS = fieldNames(MoveRaw.shape);

/** Stock moves of the lines, where the user may read stock.move; otherwise the ids stay. */
async function embedMoves(client: TrytonClient, lines: Line[]): Promise<void> {
  const ids = lines.flatMap((l) => l.moves.filter((m): m is number => typeof m === 'number'));
  if (ids.length === 0) return;
  let moves: MoveRaw[];
  try {
    moves = await client.read<MoveRaw>('stock.move', ids, MOVE_FIELDS);
  } catch (err) {
    // A purchase user without stock rights still gets the orders, without quantityReceived.
    if (err instanceof SystemFailure && err.code === 'rejected_by_system') return;
    throw err;
  }
  const byId = new Map(moves.map((m) => [m.id, m]));
  for (const line of lines) line.moves = line.moves.map((m) => (typeof m === 'number' ? (byId.get(m) ?? m) : m));
}

/** Headers → native records with their lines (one search_read for all lines of the page). */
async function withLines(client: TrytonClient, headers: Header[]): Promise<Replace<Header, { lines: Line[] }>[]> {
  if (headers.length === 0) return [];
  const lines = await client.searchRead<Line>(
    'purchase.line',
    [['purchase', 'in', headers.map((h) => h.id)]],
    LINE_FIELDS,
    { order: [['id', 'ASC']] },
  );
  await embedMoves(client, lines);
  const byPurchase = groupBy(lines, (l) => l.purchase);
  return headers.map((h) => ({ ...h, lines: byPurchase.get(h.id) ?? [] }));
}

/**
 * Changed since: the header, or any of its lines. A direct purchase.line write does not touch the
 * header's write_date (verified on 6.0), hence `lines.` too; a one2many path in a domain is a
 * subquery (`id IN (SELECT purchase FROM purchase_line WHERE …)`), so no header repeats.
 */
function domainFor(since: string | undefined): Domain {
  return since === undefined ? [] : [changedSince(since, ['', 'lines.'])];
}

function fetchHeaders(client: TrytonClient, domain: Domain, afterId: number, limit: number | null): Promise<Header[]> {
  return client.searchRead<Header>('purchase.purchase', [...domain, ['id', '>', afterId]], HEADER_FIELDS, {
    limit,
    order: [['id', 'ASC']],
  });
}

export const purchaseOrders = defineResource<TrytonClient, PurchaseRaw>({
  entity: 'purchaseOrders',
  raw: PurchaseRaw,
  pageSize: 100,
  remoteId: (raw) => String(raw.id),
  times: (raw) => ({
    createdAt: raw.create_date,
    updatedAt: latest(raw.write_date, raw.create_date, ...raw.lines.flatMap((l) => [l.write_date, l.create_date])),
  }),
  list(client, opts) {
    const domain = domainFor(opts.since);
    return idPages({
      pageSize: opts.pageSize,
      resumeAfter: opts.resumeAfter,
      fetch: async (afterId, limit) => withLines(client, await fetchHeaders(client, domain, afterId, limit)),
    });
  },
  listIds: async (client) => (await client.search('purchase.purchase', [], { order: [['id', 'ASC']] })).map(String),
  async get(client, remoteId) {
    const id = toId(remoteId);
    if (id === undefined) return undefined;
    // `read` of a missing id is a UserError ("not allowed to read records"), so search for it.
    const [record] = await withLines(client, await fetchHeaders(client, [['id', '=', id]], 0, 1));
    return record;
  },
  toUnified: toPurchaseOrder,
  writes: purchaseOrderWrites,
  mapping: purchaseOrderMapping,
});
