/**
 * What a PROACTIS P2P connection needs: where the XML gateway answers and the control block's
 * values — database, company, the import user and password (masterData.md, "Authentication") —
 * plus the few values of the customer's own P2P set-up that imports and cancellations must name.
 */
import type { CredentialField } from '../../kit/definition.js';

export const credentialFields: readonly CredentialField[] = [
  {
    name: 'gatewayUrl',
    label: 'XML gateway URL',
    type: 'url',
    required: true,
    help: 'The address of the PROACTIS XML gateway: your PROACTIS web address followed by /XMLGateway.asmx (for example https://p2p.example.com/PROACTIS/XMLGateway.asmx). The address you use to open PROACTIS in a browser is enough: Manifold adds XMLGateway.asmx when it is missing.',
    example: 'https://p2p.example.com/PROACTIS/XMLGateway.asmx',
  },
  {
    name: 'database',
    label: 'Database',
    type: 'string',
    required: true,
    help: 'The title of your P2P database as listed in PROACTIS_databases.xml on the PROACTIS server (for example PROACTIS_LIVE). Hosted customers get it from Proactis support.',
    example: 'PROACTIS_LIVE',
  },
  {
    name: 'company',
    label: 'Company',
    type: 'string',
    required: true,
    help: 'The P2P company code Manifold imports into (for example MAIN). One connection works in one company.',
    example: 'MAIN',
  },
  {
    name: 'username',
    label: 'User name',
    type: 'string',
    required: true,
    help: 'A P2P user with PROACTIS authentication (not Windows/single sign-on) who is a member of the DataImport role and has access to the company.',
    example: 'IMPORT',
  },
  { name: 'password', label: 'Password', type: 'secret', required: true, help: "That user's P2P password." },
  {
    name: 'department',
    label: 'Department (optional)',
    type: 'string',
    required: false,
    help: 'The P2P department documents are imported for, when your P2P set-up asks for one. Leave empty otherwise.',
  },
  {
    name: 'supplierGrade',
    label: 'Supplier grade for new suppliers',
    type: 'string',
    required: false,
    default: 'Standard',
    help: 'The supplier grade P2P gives the suppliers Manifold creates (P2P requires one). Must be a grade set up in P2P.',
  },
  {
    name: 'invoiceTaxCode',
    label: 'Tax code for imported invoices',
    type: 'string',
    required: false,
    default: 'STD',
    help: 'The P2P tax code put on invoices Manifold imports (P2P requires at least one; use a zero-rated or exempt code where there is no tax).',
  },
  {
    name: 'cancellationReason',
    label: 'Reason given when cancelling an order',
    type: 'string',
    required: false,
    default: 'No longer required',
    help: 'A cancellation reason exactly as defined in the List snap-in of the PROACTIS management console.',
  },
];

export interface P2pCredentials {
  gatewayUrl: string;
  database: string;
  company: string;
  username: string;
  password: string;
  department: string | undefined;
  supplierGrade: string;
  invoiceTaxCode: string;
  cancellationReason: string;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined);

/** The gateway's URL: `…/XMLGateway.asmx`, added to a site address given without it. */
export function gatewayUrlOf(value: string): string {
  const url = new URL(value);
  if (!/\.asmx$/i.test(url.pathname)) url.pathname = `${url.pathname.replace(/\/+$/, '')}/XMLGateway.asmx`;
  url.search = '';
  url.hash = '';
  return url.toString();
}

export function readCredentials(c: Record<string, unknown>): P2pCredentials {
  return {
    gatewayUrl: gatewayUrlOf(String(c.gatewayUrl ?? '')),
    database: String(c.database ?? ''),
    company: String(c.company ?? ''),
    username: String(c.username ?? ''),
    password: String(c.password ?? ''),
    department: str(c.department),
    supplierGrade: str(c.supplierGrade) ?? 'Standard',
    invoiceTaxCode: str(c.invoiceTaxCode) ?? 'STD',
    cancellationReason: str(c.cancellationReason) ?? 'No longer required',
  };
}
