/**
 * An app over a test store, with helpers to make connections, tokens and records.
 */
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { randomBytes } from 'node:crypto';
import { SecretBox } from '../../src/core/secret-box.js';
import { recordId } from '../../src/core/ids.js';
import { createConnection } from '../../src/engine/connections.js';
import { entityByKey } from '../../src/models/registry.js';
import type { PurchaseOrder } from '../../src/models/purchase-order.js';
import { buildApp } from '../../src/server/app.js';
import type { ConnectorMap } from '../../src/engine/runtime.js';
import type { Store } from '../../src/store/index.js';

export const ADMIN_KEY = 'mfa_test-admin-key-0123456789abcdefghijklmnop';

export const testSecretBox = new SecretBox(randomBytes(32));

/** `connectors` replaces the built-in ones (e.g. a test connector); absent: the built-in ones. */
export async function appFor(store: Store, opts: { bodyLimit?: number; allowedOrigins?: string[]; connectors?: ConnectorMap } = {}): Promise<FastifyInstance> {
  return buildApp({
    store,
    adminKey: ADMIN_KEY,
    logger: pino({ level: 'silent' }),
    bodyLimit: opts.bodyLimit,
    secretBox: testSecretBox,
    addressPolicy: { allowPrivateNetworks: false, allowedOrigins: new Set(opts.allowedOrigins ?? []) },
    ...(opts.connectors ? { connectors: opts.connectors } : {}),
  });
}

export const admin = { authorization: `Bearer ${ADMIN_KEY}` };
export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

export async function newConnection(store: Store, name = 'Test ERP'): Promise<{ id: string; token: string }> {
  const { connection, token } = await createConnection(store, { system: 'tryton', name, credentials: null, metadata: { customer: name } });
  return { id: connection.id, token };
}

type PoFields = Omit<PurchaseOrder, 'id' | 'remoteId' | 'version' | 'createdAt' | 'updatedAt' | 'deletedAt' | 'customFields' | 'remoteData'>;

const ref = (remoteId: string, name: string, code: string | null = null) => ({ id: null, remoteId, name, code });

/** A complete, valid purchase order body (the model's own fields), varied by `n`. */
export function purchaseOrderFields(n: number, overrides: Partial<PoFields> = {}): PoFields {
  const statuses = ['draft', 'pending_approval', 'approved', 'ordered', 'received', 'cancelled'] as const;
  const lines = Array.from({ length: (n % 5) + 1 }, (_, i) => ({
    id: null,
    remoteId: `${n}-${i + 1}`,
    lineNumber: i + 1,
    item: ref(`prod-${i}`, `Bearing ${i}`, `BRG-${6200 + i}`),
    itemCode: `BRG-${6200 + i}`,
    vendorItemCode: null,
    description: `Deep groove ball bearing ${i}`,
    quantity: `${i + 1}.5`,
    unitOfMeasure: 'u',
    unitPrice: '12.3450',
    discount: null,
    taxAmount: '0.00',
    lineTotal: '18.52',
    requiredDate: '2026-02-01',
    deliveryDate: null,
    quantityReceived: '0',
    quantityInvoiced: null,
    status: 'open' as const,
    account: null,
    asset: null,
    workOrder: null,
    customFields: {},
  }));
  return {
    number: `PO-${String(n).padStart(5, '0')}`,
    status: statuses[n % statuses.length]!,
    remoteStatus: 'draft',
    vendor: ref(`party-${n % 7}`, `Supplier ${n % 7}`, `S${n % 7}`),
    buyer: null,
    site: ref('1', 'Demo Maintenance Co'),
    orderDate: '2026-01-15',
    requiredDate: null,
    deliveryDate: '2026-02-10',
    currency: n % 3 === 0 ? 'USD' : 'EUR',
    paymentTerms: 'Net 30',
    shippingMethod: null,
    shipTo: { name: 'Plant 4', line1: 'Dock 2', line2: null, line3: null, city: 'Lyon', region: null, postalCode: '69001', country: 'FR', raw: null },
    billTo: null,
    subtotal: '100.00',
    taxTotal: '20.00',
    total: '120.00',
    description: `Order ${n}`,
    notes: null,
    approvedAt: null,
    lines,
    ...overrides,
  };
}

/** Inserts a purchase order through the store's repository, as a sync would. */
export async function putPurchaseOrder(
  store: Store,
  connectionId: string,
  n: number,
  opts: { updatedAt?: string; overrides?: Partial<PoFields>; remoteData?: Record<string, unknown> } = {},
) {
  const entity = entityByKey('purchaseOrders')!;
  const remoteId = String(n);
  const data = purchaseOrderFields(n, opts.overrides);
  const now = new Date().toISOString();
  return store.records.upsert({
    id: recordId(entity.idPrefix, connectionId, entity.key, remoteId),
    connectionId,
    entity: entity.key,
    remoteId,
    data,
    remoteData: opts.remoteData ?? { id: n, number: data.number, state: 'draft' },
    customFields: {},
    status: data.status,
    createdAt: '2026-01-15T08:00:00.000Z',
    updatedAt: opts.updatedAt ?? now,
    syncedAt: now,
  });
}
