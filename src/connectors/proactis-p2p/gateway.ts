/**
 * The PROACTIS P2P XML gateway as Manifold uses it: ImportDocument with a `<pro:Import>` that
 * starts with the control block (database, company, user, password, Version 1.0.0), errors
 * embedded in the answer (ErrorHandlingMode EMBED: each document keeps its own Status and Errors,
 * purchaseInvoiceGateway.md "ErrorHandlingModes"), and CancelOrder with an `<pro:AuthenticateUser>`
 * control XML (cancelPurhaseOrderGateway.md). The answer echoes the control block, password
 * included: it is read for errors and never stored or logged.
 */
import type { HttpClient } from '../../kit/http.js';
import type { P2pCredentials } from './credentials.js';
import { controlRefused, cancelRefused, documentRefused, unreadableAnswer } from './failures.js';
import { SoapClient, SoapFault } from './soap.js';
import { el, errorsUnder, PRO_NS, readXml, type Json } from './xml.js';

/** The documents of one `<pro:Import>` answer, by element name (Suppliers, Acceptance, Invoice…). */
export type ImportAnswer = Json;

export class GatewayClient {
  readonly soap: SoapClient;

  constructor(readonly creds: P2pCredentials, http: HttpClient) {
    this.soap = new SoapClient(http, creds.gatewayUrl);
  }

  get username(): string {
    return this.creds.username;
  }

  /** The control block (masterData.md): PROACTIS authentication, errors embedded in the answer. */
  private control(): string {
    const c = this.creds;
    return el('Control', { Database: c.database, UserName: c.username, Password: c.password, Company: c.company, Department: c.department, Version: '1.0.0', ErrorHandlingMode: 'EMBED' });
  }

  private document(root: 'Import' | 'AuthenticateUser', body: string): string {
    return `<?xml version="1.0"?><pro:${root} xmlns:pro="${PRO_NS}">${this.control()}${body}</pro:${root}>`;
  }

  /**
   * Imports the documents in `body`; answers the processed `<pro:Import>` without its control
   * block. A refused control block (login, database, company, DataImport role) throws.
   */
  async importDocuments(body: string, what: string): Promise<ImportAnswer> {
    let text: string;
    try {
      text = await this.soap.call('ImportDocument', [['xml', this.document('Import', body)]], { idempotent: body === '' });
    } catch (err) {
      // EMBED mode raises no faults of its own; one here is the web service failing.
      if (err instanceof SoapFault) throw unreadableAnswer(`The PROACTIS gateway failed while importing ${what}: ${err.gatewayMessage}`, err.message);
      throw err;
    }
    // "The XML returned by the gateway is blank: an error has occurred which could not be handled
    // by the gateway. Please check the Windows Event Log" (purchaseCreditNoteGateway.md).
    if (text.trim() === '') throw unreadableAnswer(`The PROACTIS gateway answered a blank document while importing ${what}: it met an error it could not handle (its server's Windows event log says which).`);
    const root = readXml(text)?.Import as Json | undefined;
    if (!root) throw unreadableAnswer(`The PROACTIS gateway's answer to importing ${what} is not the processed document.`);
    const { Control: control, ...documents } = root;
    const refused = errorsUnder(control);
    if (refused.length) throw controlRefused(refused);
    return documents;
  }

  /** Imports one document and answers its node as processed, or throws the gateway's refusal. */
  async importOne(body: string, pick: (answer: ImportAnswer) => Json | undefined, what: string): Promise<Json> {
    const answer = await this.importDocuments(body, what);
    const node = pick(answer);
    if (!node) throw unreadableAnswer(`The PROACTIS gateway's answer does not contain the ${what} that was sent.`);
    const status = node.Status;
    // "Nodes without this attribute have not been processed."
    if (status === 'OK' || status === 'REGISTERED') return node;
    if (status === 'FAILED') throw documentRefused(what, errorsUnder(node));
    const errors = errorsUnder(answer);
    if (errors.length) throw documentRefused(what, errors);
    throw unreadableAnswer(`The PROACTIS gateway did not process the ${what} (no Status in its answer).`);
  }

  /** CancelOrder by display number (TemplateLabel and OrderNumber are then ignored by the gateway). */
  async cancelOrder(displayNumber: string, comments: string): Promise<void> {
    try {
      await this.soap.call(
        'CancelOrder',
        [['ControlXML', this.document('AuthenticateUser', '')], ['DisplayNumber', displayNumber], ['CancellationReason', this.creds.cancellationReason], ['Comments', comments]],
        { idempotent: false },
      );
    } catch (err) {
      if (err instanceof SoapFault) throw cancelRefused(displayNumber, err);
      throw err;
    }
  }
}
