/**
 * Step 2: the system's credential form (rendered from the catalogue), with its auth guide beside
 * it. Submitting checks the credentials live against the system — which can take seconds, so
 * the progress is said out loud — and answers the token, or a problem a person can act on.
 */
import { useRef, useState, type FormEvent } from 'react';
import { ApiFailure } from '../shared/api.js';
import { useFocusOnMount } from '../shared/focus.js';
import { Markdown } from '../shared/markdown/render.js';
import type { ConnectResult, System } from '../shared/types.js';
import { CredentialInput } from './CredentialInput.js';
import { ProblemSummary } from './ProblemSummary.js';
import { credentialPath, credentialsToSend, describeConnectFailure, validateForm, type FormValues, type Problem } from './problems.js';
import type { ConnectSession } from './session.js';

interface Props {
  session: ConnectSession;
  system: System;
  /** The link is for this system: no way back to the list. */
  locked: boolean;
  onChangeSystem: () => void;
  onDone: (result: ConnectResult) => void;
  /** The link stopped working meanwhile (used elsewhere, expired, withdrawn). */
  onLinkGone: (failure: ApiFailure) => void;
}

const NAME_FIELD = {
  name: 'name',
  label: 'Connection name',
  type: 'string',
  required: true,
  help: 'A name to recognise this connection by later, such as your company or plant.',
} as const;

function initialValues(system: System, linkName: string | null): FormValues {
  const credentials: Record<string, string> = {};
  for (const field of system.credentialFields) credentials[field.name] = field.default ?? '';
  return { name: linkName ?? system.name, credentials };
}

export function ConnectForm({ session, system, locked, onChangeSystem, onDone, onLinkGone }: Props) {
  const linkName = session.link?.name ?? null;
  const [values, setValues] = useState(() => initialValues(system, linkName));
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<Problem | undefined>();
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const inputs = useRef(new Map<string, HTMLInputElement | HTMLSelectElement>());
  const fieldErrors = problem?.fields ?? {};

  const setCredential = (name: string, value: string) => setValues((v) => ({ ...v, credentials: { ...v.credentials, [name]: value } }));
  const register = (path: string) => (el: HTMLInputElement | HTMLSelectElement | null) => {
    if (el) inputs.current.set(path, el);
    else inputs.current.delete(path);
  };

  function fillSandbox() {
    const sandbox = system.sandbox;
    if (!sandbox) return;
    const address = system.credentialFields.find((f) => f.type === 'url');
    setValues((v) => ({
      ...v,
      credentials: { ...v.credentials, ...(address ? { [address.name]: sandbox.instanceUrl } : {}), ...sandbox.credentials },
    }));
    setProblem(undefined);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (pending) return;
    const invalid = validateForm(system, values, linkName === null);
    if (invalid) {
      setProblem(invalid);
      // Straight to the first value to fix, in form order.
      const first = ['name', ...system.credentialFields.map((f) => credentialPath(f.name))].find((p) => invalid.fields[p]);
      if (first) inputs.current.get(first)?.focus();
      return;
    }
    setProblem(undefined);
    setPending(true);
    try {
      const result = await session.connect({ system: system.id, name: values.name.trim(), credentials: credentialsToSend(system, values) });
      onDone(result);
    } catch (err) {
      setPending(false);
      if (err instanceof ApiFailure && err.code === 'unauthorized' && session.mode === 'link') return onLinkGone(err);
      setProblem(
        err instanceof ApiFailure
          ? describeConnectFailure(err, system, values)
          : { message: `Something went wrong in this page: ${err instanceof Error ? err.message : String(err)}`, fields: {} },
      );
    }
  }

  return (
    <section className="panel" aria-labelledby="form-title">
      <div className="form-head">
        <h2 id="form-title" tabIndex={-1} ref={heading}>
          Sign in to {system.name}
        </h2>
        {locked ? (
          <p className="hint">This link was made for {system.name}.</p>
        ) : (
          <button type="button" className="link-button" onClick={onChangeSystem}>
            Choose another system
          </button>
        )}
      </div>
      <div className="form-layout">
        <form className="connect-form" onSubmit={submit} noValidate aria-labelledby="form-title" aria-busy={pending}>
          <p>Manifold checks these values with {system.name} right away, and stores them encrypted only if they work.</p>
          {system.sandbox && (
            <div className="sandbox">
              <p>
                This Manifold runs a <strong>sandbox</strong> of {system.name} with demo data: try the page without an account of your own.
              </p>
              <button type="button" className="secondary" onClick={fillSandbox}>
                Use sandbox credentials
              </button>
            </div>
          )}
          <CredentialInput
            field={linkName === null ? NAME_FIELD : { ...NAME_FIELD, help: 'Chosen by whoever sent you this link.' }}
            id="connection-name"
            value={values.name}
            readOnly={linkName !== null}
            error={fieldErrors.name}
            onChange={(name) => setValues((v) => ({ ...v, name }))}
            inputRef={register('name')}
          />
          {system.credentialFields.map((field) => (
            <CredentialInput
              key={field.name}
              field={field}
              id={`field-${field.name}`}
              value={values.credentials[field.name] ?? ''}
              error={fieldErrors[credentialPath(field.name)]}
              onChange={(value) => setCredential(field.name, value)}
              inputRef={register(credentialPath(field.name))}
            />
          ))}
          {problem && <ProblemSummary problem={problem} />}
          <div className="actions">
            <button type="submit" aria-disabled={pending || undefined}>
              {pending ? 'Checking…' : `Connect ${system.name}`}
            </button>
          </div>
          <p className="progress" role="status" aria-live="polite">
            {pending && (
              <>
                <span className="spinner" aria-hidden="true" />
                Checking your credentials with {system.name}… This can take a few seconds.
              </>
            )}
          </p>
        </form>
        {/* Focusable so a keyboard can scroll it where it scrolls on its own (beside the form). */}
        <aside className="guide" aria-labelledby="guide-title" tabIndex={0}>
          <h2 id="guide-title">Where to find these values</h2>
          <Markdown source={system.authGuide} headingOffset={2} />
        </aside>
      </div>
    </section>
  );
}
