/**
 * One field of the connect form, rendered from the catalogue's field description: its label,
 * the help text (where to find the value), the example as placeholder, a masked input with a
 * Show button for secrets, a list for select fields, and the error beside it when there is one.
 */
import { useState, type Ref } from 'react';
import type { CredentialField } from '../shared/types.js';

interface Props {
  field: Pick<CredentialField, 'name' | 'label' | 'type' | 'required' | 'help' | 'example' | 'options'>;
  /** The element id; also the prefix of its help and error ids. */
  id: string;
  value: string;
  error: string | undefined;
  readOnly?: boolean;
  onChange: (value: string) => void;
  inputRef?: Ref<HTMLInputElement & HTMLSelectElement>;
}

export function CredentialInput({ field, id, value, error, readOnly = false, onChange, inputRef }: Props) {
  const [shown, setShown] = useState(false);
  const helpId = `${id}-help`;
  const errorId = `${id}-error`;
  const describedBy = [error ? errorId : '', field.help ? helpId : ''].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    name: id,
    required: field.required,
    readOnly,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy,
  } as const;

  let control;
  if (field.type === 'select') {
    control = (
      <select {...common} ref={inputRef} value={value} disabled={readOnly} onChange={(e) => onChange(e.target.value)}>
        {(!field.required || value === '') && <option value="">{field.required ? 'Choose…' : 'None'}</option>}
        {(field.options ?? []).map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </select>
    );
  } else {
    const input = (
      <input
        {...common}
        ref={inputRef}
        type={field.type === 'secret' ? (shown ? 'text' : 'password') : field.type === 'url' ? 'url' : 'text'}
        inputMode={field.type === 'url' ? 'url' : undefined}
        value={value}
        placeholder={field.example ? `e.g. ${field.example}` : undefined}
        onChange={(e) => onChange(e.target.value)}
        // Values of another system: the browser should neither suggest nor correct them.
        autoComplete="off"
        autoCapitalize="none"
        autoCorrect="off"
        spellCheck={false}
      />
    );
    control =
      field.type === 'secret' ? (
        <div className="secret">
          {input}
          <button type="button" className="secondary" aria-pressed={shown} aria-controls={id} onClick={() => setShown(!shown)}>
            {shown ? 'Hide' : 'Show'}
            <span className="visually-hidden"> {field.label.toLowerCase()}</span>
          </button>
        </div>
      ) : (
        input
      );
  }

  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>
        {field.label}
        {!field.required && <span className="optional"> (optional)</span>}
      </label>
      {field.help && (
        <p id={helpId} className="hint">
          {field.help}
        </p>
      )}
      {error && (
        <p id={errorId} className="field-error">
          <span className="visually-hidden">Error: </span>
          {error}
        </p>
      )}
      {control}
    </div>
  );
}
