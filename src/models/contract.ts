/**
 * Contract (`/v1/contracts`): an agreement with a vendor (framework, blanket or service contract).
 */
import { z } from 'zod';
import { currency, date, decimal, recordEnvelope, ref, remoteStatus, text } from './common.js';

export const contractStatuses = ['draft', 'active', 'expired', 'terminated', 'unknown'] as const;

export const contractFields = {
  number: text('Contract number as the system shows it (null until the system assigns one).').nullable(),
  title: text('Title or short description of the contract.').nullable(),
  vendor: ref('The vendor the contract is with.'),
  status: z.enum(contractStatuses).describe("Normalised status; the system's own value is in remoteStatus."),
  remoteStatus,
  startDate: date('Date the contract takes effect.').nullable(),
  endDate: date('Date the contract ends; null when open-ended.').nullable(),
  value: decimal('Total or target value of the contract.').nullable(),
  currency: currency('ISO 4217 currency of the contract value.').nullable(),
  owner: ref('The person responsible for the contract on our side.'),
};

export const Contract = z
  .object({ ...recordEnvelope, ...contractFields })
  .describe('A contract with a vendor.')
  .meta({ id: 'Contract' });

export type Contract = z.infer<typeof Contract>;
