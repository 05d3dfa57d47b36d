/**
 * Every connector Manifold ships, in one plain typed map: adding a system means adding it here,
 * so nothing registers itself as a side effect of being imported.
 */
import type { ConnectorDefinition } from '../kit/definition.js';
import { maintainx } from './maintainx/connector.js';
import { tryton } from './tryton/connector.js';
import { odoo } from './odoo/connector.js';
import { proactis } from './proactis/connector.js';
import { proactisP2p } from './proactis-p2p/connector.js';
import { sapS4hana } from './sap-s4hana/connector.js';

export const connectors = { tryton, proactis, maintainx, 'sap-s4hana': sapS4hana, 'proactis-p2p': proactisP2p, odoo } as const;

export type ConnectorId = keyof typeof connectors;

/** The connector with this id, or undefined when Manifold has none (never a prototype key). */
export function connectorById(id: string): ConnectorDefinition<unknown> | undefined {
  return Object.hasOwn(connectors, id) ? (connectors[id as ConnectorId] as ConnectorDefinition<unknown>) : undefined;
}
