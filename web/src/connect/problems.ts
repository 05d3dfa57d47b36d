/**
 * What to tell a person when connecting fails, from the error code (and, for invalid input, the
 * field each issue names). The server's message is kept as the detail: it often says more
 * (which database is unknown, which right is missing), while the headline says what to do.
 * Pure functions, so they are tested without a browser.
 */
import type { ApiFailure } from '../shared/api.js';
import type { CredentialField, System } from '../shared/types.js';

export interface Problem {
  /** The sentence that says what went wrong and what to do. */
  message: string;
  /** What Manifold or the system said, when it adds to the message. */
  detail?: string;
  /** Per form field, by the API's path: `name` or `credentials.<field>`. */
  fields: Record<string, string>;
  /** For support, shown in small print. */
  requestId?: string;
}

/** The form's values: the connection's name and each credential field. */
export interface FormValues {
  name: string;
  credentials: Record<string, string>;
}

export const credentialPath = (field: string): string => `credentials.${field}`;

/** The connect form's first URL field (the instance address), if the system has one. */
function addressField(system: System): CredentialField | undefined {
  return system.credentialFields.find((f) => f.type === 'url');
}

function hostOf(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    return new URL(value).host || undefined;
  } catch {
    return undefined;
  }
}

/** Whether the system logs in with a person's user name and password rather than a key. */
function usesPassword(system: System): boolean {
  return system.authMethod === 'session_login' || system.authMethod === 'basic';
}

function waitFor(seconds: number | undefined): string {
  if (seconds === undefined) return 'a few minutes';
  if (seconds < 90) return `${Math.ceil(seconds)} seconds`;
  return `${Math.ceil(seconds / 60)} minutes`;
}

export function describeConnectFailure(failure: ApiFailure, system: System, values: FormValues): Problem {
  const base = { requestId: failure.requestId, fields: {} as Record<string, string> };
  const address = addressField(system);
  const host = hostOf(address ? values.credentials[address.name] : undefined);
  const there = host ?? 'the address you entered';
  const onAddress = (text: string) => (address ? { [credentialPath(address.name)]: text } : {});
  const systemField = typeof failure.details.field === 'string' && system.credentialFields.some((f) => f.name === failure.details.field)
    ? credentialPath(failure.details.field)
    : undefined;

  switch (failure.code) {
    case 'invalid_request': {
      const issues = Array.isArray(failure.details.issues) ? (failure.details.issues as { path?: unknown; message?: unknown }[]) : [];
      const known = new Set(['name', ...system.credentialFields.map((f) => credentialPath(f.name))]);
      const fields: Record<string, string> = {};
      const other: string[] = [];
      for (const issue of issues) {
        // Schema checks name the body part ("body.name"), credential checks do not ("credentials.password").
        const path = String(issue.path ?? '').replace(/^body\./, '');
        const message = String(issue.message ?? 'is not valid');
        if (known.has(path)) fields[path] = sentence(message);
        else other.push(path ? `${path}: ${message}` : message);
      }
      if (other.length === 0 && Object.keys(fields).length > 0) return { ...base, fields, message: 'Some values need fixing: see the marked fields.' };
      return { ...base, fields, message: failure.message, ...(other.length ? { detail: other.join('; ') } : {}) };
    }
    case 'invalid_credentials':
      if (systemField) {
        // The system named the value it refused (e.g. an unknown database): say it at that field.
        return { ...base, fields: { [systemField]: failure.message }, message: `${system.name} did not accept one of the values: see the marked field.` };
      }
      return {
        ...base,
        message: usesPassword(system)
          ? `${system.name} refused this user name or password. Check both — they are case-sensitive — and try again.`
          : `${system.name} refused these credentials. Check each value against the guide and try again.`,
        detail: failure.message,
      };
    case 'system_unreachable':
      return {
        ...base,
        fields: onAddress('Manifold could not reach this address.'),
        message: `Manifold could not reach ${there}: check the address and that the server is online.`,
        detail: failure.message,
      };
    case 'system_timeout':
      return {
        ...base,
        fields: onAddress('This address did not answer in time.'),
        message: `${there} did not answer in time: check the address and that the server is online, then try again.`,
        detail: failure.message,
      };
    case 'instance_url_not_allowed':
      return {
        ...base,
        fields: onAddress('Manifold may not connect to this address.'),
        message:
          `Manifold is not allowed to connect to ${there}, which is on a private or local network. ` +
          'Use the address your server has on the internet, or ask whoever runs Manifold to allow private networks.',
        detail: failure.message,
      };
    case 'rejected_by_system':
      return {
        ...base,
        ...(systemField ? { fields: { [systemField]: failure.message } } : {}),
        message:
          `${system.name} accepted the login but refused what Manifold needs: the user is probably missing a permission. ` +
          'The guide lists the rights to give it.',
        detail: typeof failure.details.systemMessage === 'string' ? failure.details.systemMessage : failure.message,
      };
    case 'rate_limited':
      return { ...base, message: `Too many attempts. Wait ${waitFor(failure.retryAfter)} and try again.`, detail: failure.message };
    case 'system_error':
    case 'system_unavailable':
      return {
        ...base,
        message: `${system.name} answered with an error. Try again in a moment; if it keeps failing, give support the request id below.`,
        detail: failure.message,
      };
    case 'unauthorized':
      return { ...base, message: 'Manifold no longer accepts the key this page was opened with. Reload the page and start again.', detail: failure.message };
    default:
      return { ...base, message: failure.message };
  }
}

/** "must not be empty" → "Must not be empty." */
function sentence(text: string): string {
  const trimmed = text.trim();
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

/** Checks what the browser can before asking the system: required values and address shapes. */
export function validateForm(system: System, values: FormValues, nameEditable: boolean): Problem | undefined {
  const fields: Record<string, string> = {};
  if (nameEditable && values.name.trim() === '') fields.name = 'Enter a name for this connection.';
  for (const field of system.credentialFields) {
    const value = values.credentials[field.name] ?? '';
    const path = credentialPath(field.name);
    if (value.trim() === '') {
      if (field.required) fields[path] = field.type === 'select' ? `Choose the ${field.label.toLowerCase()}.` : `Enter the ${field.label.toLowerCase()}.`;
      continue;
    }
    if (field.type === 'url' && !isWebAddress(value.trim())) {
      fields[path] = `Enter a web address that starts with http:// or https://${field.example ? `, like ${field.example}` : ''}.`;
    }
  }
  if (Object.keys(fields).length === 0) return undefined;
  return { message: 'Some values need fixing: see the marked fields.', fields };
}

function isWebAddress(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.host !== '';
  } catch {
    return false;
  }
}

/** What the credentials sent look like: empty optional values left out, addresses trimmed. */
export function credentialsToSend(system: System, values: FormValues): Record<string, string> {
  const out: Record<string, string> = {};
  for (const field of system.credentialFields) {
    const raw = values.credentials[field.name] ?? '';
    // Secrets are sent exactly as typed (a password may end in a space); other values are trimmed.
    const value = field.type === 'secret' ? raw : raw.trim();
    if (value !== '') out[field.name] = value;
  }
  return out;
}

export type LinkProblemReason = 'used' | 'expired' | 'revoked' | 'unknown';

export function linkProblem(reason: unknown): { title: string; text: string } {
  switch (reason as LinkProblemReason) {
    case 'used':
      return {
        title: 'This link was already used',
        text: 'Each connect link works once, and this one has connected a system already. If you need to connect again, ask whoever sent you the link for a new one.',
      };
    case 'expired':
      return { title: 'This link has expired', text: 'Connect links work for a limited time. Ask whoever sent you the link for a new one.' };
    case 'revoked':
      return { title: 'This link was withdrawn', text: 'Whoever sent you this link has cancelled it. Ask them for a new one.' };
    default:
      return {
        title: 'This link is not valid',
        text: 'Check that you opened the whole address from the message you received, or ask whoever sent it for a new link.',
      };
  }
}
