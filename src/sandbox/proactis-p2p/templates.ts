/**
 * Which document template an import uses: the one named, which must be of the right kind and one
 * the user has access to, or — when none is named — the user's only template of that kind
 * ("This attribute is optional if the user only has access to a single template",
 * acceptanceGateway.md; the same rule for invoices, purchaseInvoiceGateway.md "Notes").
 */
import type { Checks } from './check.js';
import type { Session } from './control.js';
import type { TemplateKind } from './data.js';
import type { XmlElement } from './xml.js';

const KIND_WORDS: Record<TemplateKind, string> = {
  order: 'an order',
  acceptance: 'an acceptance',
  invoice: 'an invoicing',
  'standalone-invoice': 'a standalone invoicing',
  'credit-note': 'a credit note',
};

export function pickTemplate(session: Session, checks: Checks, node: XmlElement, kind: TemplateKind): string | undefined {
  const { company, user } = session;
  const usable = company.templates.filter((t) => t.kinds.includes(kind) && user.templates.includes(t.label));
  const given = node.attrs.Template;
  if (given !== undefined) {
    const t = company.templates.find((x) => x.label === given);
    if (!t || !t.kinds.includes(kind)) checks.business(node, `The template '${given}' is not ${KIND_WORDS[kind]} template.`);
    else if (!user.templates.includes(given)) checks.business(node, `User '${user.userName}' does not have access to the template '${given}'.`);
    else return given;
    return undefined;
  }
  if (usable.length === 1) return usable[0]!.label;
  checks.business(node, usable.length === 0 ? `User '${user.userName}' has no access to ${KIND_WORDS[kind]} template.` : `A template must be supplied: user '${user.userName}' has access to more than one ${KIND_WORDS[kind].replace(/^an? /, '')} template.`);
  return undefined;
}

/** The tray named (an invoicing tray the user may use), or the user's default tray. */
export function pickTray(session: Session, checks: Checks, node: XmlElement): string | undefined {
  const given = node.attrs.Tray;
  if (given === undefined) return session.user.defaultTray;
  if (!session.company.trays.includes(given) || !session.user.trays.includes(given)) {
    checks.business(node, `The tray '${given}' is not an invoicing tray user '${session.user.userName}' has access to.`);
    return undefined;
  }
  return given;
}
