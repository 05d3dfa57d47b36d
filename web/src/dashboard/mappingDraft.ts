/**
 * The field mapping change being written: what to change (add a custom field, override a field's
 * native source, reset an override, remove a custom field), its inputs, and the change it makes —
 * or why it cannot be made yet.
 */
import { useMemo, useState } from 'react';
import type { MappingChange } from '../shared/types.js';

export type Mode = 'custom' | 'override' | 'reset' | 'remove';
export type CustomType = 'string' | 'decimal' | 'date' | 'boolean';

export type Draft = { change: MappingChange; fields: string[]; words: string } | { error: string };

const CUSTOM_NAME = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;

function draftOf(mode: Mode, name: string, path: string, type: CustomType, field: string): Draft {
  const p = path.trim();
  switch (mode) {
    case 'custom': {
      const n = name.trim();
      if (!CUSTOM_NAME.test(n)) return { error: 'Give the custom field a name of letters, digits and _, starting with a letter.' };
      if (!p || /\s/.test(p)) return { error: 'Give the native path it reads, such as reference or lines[].note.' };
      return { change: { customFields: { [n]: { source: p, type } } }, fields: [`customFields.${n}`], words: `add customFields.${n} ← ${p} (${type})` };
    }
    case 'override':
      if (!field) return { error: 'Pick the unified field to override.' };
      if (!p || /\s/.test(p)) return { error: 'Give the native path it should read instead.' };
      return { change: { fields: { [field]: { source: p } } }, fields: [field], words: `${field} ← ${p}` };
    case 'reset':
      return { change: { fields: { [field]: null } }, fields: [field], words: `reset ${field} to the default` };
    case 'remove':
      return {
        change: { customFields: { [field.replace(/^customFields\./, '')]: null } },
        fields: [field],
        words: `remove ${field}`,
      };
  }
}

export function useMappingDraft() {
  const [mode, setMode] = useState<Mode>('custom');
  const [name, setName] = useState('');
  const [path, setPath] = useState('');
  const [type, setType] = useState<CustomType>('string');
  const [field, setField] = useState('');
  const draft = useMemo(() => draftOf(mode, name, path, type, field), [mode, name, path, type, field]);
  return { mode, setMode, name, setName, path, setPath, type, setType, field, setField, draft };
}

export type MappingDraft = ReturnType<typeof useMappingDraft>;
