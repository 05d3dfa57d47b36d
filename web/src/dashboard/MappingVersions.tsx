/** The saved versions of one entity's field mapping, newest first, each one a rollback away. */
import type { MappingVersion } from '../shared/types.js';
import { when } from './format.js';

function summary(mapping: Record<string, unknown>): string {
  const m = mapping as { fields?: Record<string, { source: string }>; customFields?: Record<string, { source: string }> };
  const parts = [
    ...Object.entries(m.fields ?? {}).map(([f, v]) => `${f} ← ${v.source}`),
    ...Object.entries(m.customFields ?? {}).map(([f, v]) => `customFields.${f} ← ${v.source}`),
  ];
  return parts.length ? parts.join('; ') : 'the defaults only';
}

export function MappingVersions({
  versions,
  current,
  rollingBack,
  onRollback,
}: {
  versions: MappingVersion[];
  /** The version reads use now. */
  current: number;
  rollingBack: boolean;
  /** Roll back to a version; 0 is the connector's defaults. */
  onRollback: (version: number) => void;
}) {
  return (
    <section className="subpanel" aria-labelledby="versions-title">
      <h4 id="versions-title">Versions</h4>
      {versions.length === 0 ? (
        <p className="none">No changes yet: this entity reads with the connector’s defaults.</p>
      ) : (
        <div className="table-scroll"><table className="data-table versions-table" aria-labelledby="versions-title">
          <thead>
            <tr>
              <th scope="col">Version</th>
              <th scope="col">Saved</th>
              <th scope="col">Overrides and custom fields</th>
              <th scope="col">
                <span className="visually-hidden">Action</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {[...versions].reverse().map((v) => (
              <tr key={v.version}>
                <th scope="row">
                  {v.version}
                  {v.version === current ? ' (current)' : ''}
                </th>
                <td>{when(v.createdAt)}</td>
                <td className="wrap">{summary(v.mapping)}</td>
                <td>
                  {v.version !== current && (
                    <button type="button" className="secondary small" onClick={() => onRollback(v.version)} aria-disabled={rollingBack || undefined}>
                      Roll back to version {v.version}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table></div>
      )}
      {current > 0 && (
        <div className="actions">
          <button type="button" className="secondary" onClick={() => onRollback(0)} aria-disabled={rollingBack || undefined}>
            Roll back to the defaults
          </button>
        </div>
      )}
    </section>
  );
}
