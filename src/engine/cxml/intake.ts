/**
 * Finding a connection's cXML intake: the connection, its connector's declaration that the system
 * pushes cXML (ConnectorDefinition.orderIntake), and the settings an admin stored for it, with
 * the secrets opened. Refusals are API errors (404 no such connection or no settings, 405 the
 * system does not push cXML), answered in the error envelope.
 */
import { ApiError } from '../../core/errors.js';
import type { SecretBox } from '../../core/secret-box.js';
import type { ConnectorDefinition } from '../../kit/definition.js';
import type { ConnectionRow, Store } from '../../store/index.js';
import type { CxmlIntakeRow } from '../../store/repos/cxml-intake.js';
import type { ConnectorRuntime } from '../runtime.js';
import type { IntakeSecrets, IntakeSettings } from './settings.js';

export type CxmlDeclaration = NonNullable<ConnectorDefinition['orderIntake']>['cxml'];

export interface IntakeConnection {
  connection: ConnectionRow;
  declaration: CxmlDeclaration;
}

export interface Intake extends IntakeConnection {
  settings: IntakeSettings;
  secrets: IntakeSecrets;
  row: CxmlIntakeRow;
}

export async function intakeConnection(store: Store, runtime: ConnectorRuntime, connectionId: string): Promise<IntakeConnection> {
  const connection = await store.connections.get(connectionId);
  if (!connection) throw new ApiError('not_found', { message: `No connection ${connectionId}.` });
  const connector = runtime.find(connection.system);
  const declaration = connector?.orderIntake?.cxml;
  if (!declaration) {
    throw new ApiError('operation_not_supported', {
      message: `${connector?.name ?? connection.system} does not send purchase orders as cXML, so this connection has no cXML intake.`,
      connectionId: connection.id,
      system: connection.system,
    });
  }
  return { connection, declaration };
}

export async function loadIntake(store: Store, runtime: ConnectorRuntime, box: SecretBox, connectionId: string): Promise<Intake> {
  const found = await intakeConnection(store, runtime, connectionId);
  const row = await store.cxmlIntake.getSettings(connectionId);
  if (!row) {
    throw new ApiError('not_found', {
      message: `The cXML intake of connection ${connectionId} is not set up yet; an admin sets it with PUT /v1/connections/${connectionId}/cxml-intake.`,
      connectionId,
      system: found.connection.system,
    });
  }
  return { ...found, row, settings: row.settings as unknown as IntakeSettings, secrets: box.openJson(row.secrets) as unknown as IntakeSecrets };
}
