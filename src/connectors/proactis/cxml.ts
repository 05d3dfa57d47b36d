/**
 * The cXML envelope of the documents Manifold posts to Proactis (docs.proactis.com: "most Proactis
 * APIs use the cXML message standard"; the organisation is the `NetworkId` credential in the
 * header). Built with fast-xml-parser's builder, which escapes every value.
 */
import { randomBytes } from 'node:crypto';
import { XMLBuilder } from 'fast-xml-parser';

export type XmlObject = Record<string, unknown>;

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', suppressEmptyNode: true });

/** A credential element: `<Credential domain="NetworkId"><Identity>ACME01</Identity></Credential>`. */
export function credential(domain: string, identity: string): XmlObject {
  return { '@_domain': domain, Identity: identity };
}

/** Text in a language: `<Name xml:lang="en">…</Name>`. */
export function lang(text: string): XmlObject {
  return { '@_xml:lang': 'en', '#text': text };
}

/**
 * A document's payloadID. With Manifold's reference of the write it is that reference's, the same
 * on every retry of the write: receivers treat a repeated payloadID as a duplicate (cXML §12.1,
 * protocols-cmms-s2p.md), and it is what the caller quotes to find the import in Proactis.
 * Without one: the convention's `timestamp.random@host`.
 */
export function payloadId(reference?: string): string {
  return reference ? `${reference}@manifold` : `${Date.now()}.${randomBytes(6).toString('hex')}@manifold`;
}

/** A whole cXML document: the header names the organisation, the body is a Message or a Request. */
export function cxmlDocument(opts: { domainId: string; from?: XmlObject[]; to?: XmlObject[]; body: { Message: XmlObject } | { Request: XmlObject }; payloadID?: string }): string {
  const organisation = credential('NetworkId', opts.domainId);
  const root = {
    cXML: {
      '@_payloadID': opts.payloadID ?? payloadId(),
      '@_timestamp': new Date().toISOString(),
      '@_xml:lang': 'en',
      Header: {
        From: { Credential: opts.from ?? [organisation] },
        To: { Credential: opts.to ?? [organisation] },
        Sender: { Credential: [organisation], UserAgent: 'Manifold' },
      },
      ...opts.body,
    },
  };
  return `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE cXML SYSTEM "http://xml.cxml.org/schemas/cXML/1.2.021/cXML.dtd">\n${builder.build(root) as string}`;
}
