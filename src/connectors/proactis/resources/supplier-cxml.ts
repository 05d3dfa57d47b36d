/**
 * The supplier document: Proactis takes supplier creates, updates and deletes as one cXML
 * `OrganizationChangeMessage` per POST, its `type` attribute saying which (docs.proactis.com
 * "Supplier API"; protocols-cmms-s2p.md §11.2).
 *
 * [unverified] What sits inside: Proactis publishes no profile of the Organization element, so
 * this follows cXML's own — Credential domain="SystemID" (Proactis' id, to name an existing
 * supplier) and domain="SupplierID" (the supplier number), Name, OrganizationRole supplier,
 * Address (PostalAddress, Email, Phone, URL), IdReference domain="vatID", Extrinsic "online".
 */
import { credential, cxmlDocument, lang, type XmlObject } from '../cxml.js';

export interface SupplierValues {
  number?: string;
  name?: string;
  online?: boolean;
  vatNumber?: string;
  email?: string;
  phone?: string;
  website?: string;
  address?: { street: string[]; city: string; state?: string; postalCode?: string; country: string };
}

function addressOf(values: SupplierValues): XmlObject | undefined {
  const { address, email, phone, website } = values;
  if (!address && !email && !phone && !website) return undefined;
  return {
    Name: lang(values.name ?? values.number ?? ''),
    ...(address
      ? {
          PostalAddress: {
            Street: address.street,
            City: address.city,
            ...(address.state ? { State: address.state } : {}),
            ...(address.postalCode ? { PostalCode: address.postalCode } : {}),
            Country: { '@_isoCountryCode': address.country, '#text': address.country },
          },
        }
      : {}),
    ...(email ? { Email: email } : {}),
    ...(phone ? { Phone: { '@_name': 'work', TelephoneNumber: { Number: phone } } } : {}),
    ...(website ? { URL: website } : {}),
  };
}

export function supplierDocument(domainId: string, type: 'create' | 'update' | 'delete', key: { systemId?: string }, values: SupplierValues): string {
  const credentials = [...(key.systemId ? [credential('SystemID', key.systemId)] : []), ...(values.number ? [credential('SupplierID', values.number)] : [])];
  const address = type === 'delete' ? undefined : addressOf(values);
  const organisation: XmlObject = {
    Credential: credentials,
    ...(values.name !== undefined && type !== 'delete' ? { Name: lang(values.name) } : {}),
    OrganizationRole: { '@_name': 'supplier' },
    ...(address ? { Address: address } : {}),
    ...(values.vatNumber && type !== 'delete' ? { IdReference: { '@_domain': 'vatID', '@_identifier': values.vatNumber } } : {}),
    ...(values.online !== undefined && type !== 'delete' ? { Extrinsic: [{ '@_name': 'online', '#text': String(values.online) }] } : {}),
  };
  return cxmlDocument({ domainId, body: { Message: { OrganizationChangeMessage: { '@_type': type, Organization: organisation } } } });
}
