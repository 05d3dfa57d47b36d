/**
 * Renders an OpenAPI 3.1 document as one static HTML page: operations grouped by tag with their
 * parameters and responses, then every model with its fields. Pure function, no I/O.
 */

type Json = Record<string, unknown>;

const esc = (s: unknown): string =>
  String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const anchor = (s: string): string => s.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase();

function refName(ref: string): string {
  return ref.split('/').at(-1) ?? ref;
}

/** A short type label: `string`, `PurchaseOrder[]`, `enum: a | b`, linking to models. */
function typeLabel(schema: Json | undefined): string {
  if (!schema) return 'any';
  if (typeof schema.$ref === 'string') {
    const name = refName(schema.$ref);
    return `<a href="#model-${anchor(name)}">${esc(name)}</a>`;
  }
  for (const key of ['anyOf', 'oneOf'] as const) {
    const parts = schema[key];
    if (Array.isArray(parts)) {
      const labels = (parts as Json[]).filter((p) => p.type !== 'null').map(typeLabel);
      const nullable = (parts as Json[]).some((p) => p.type === 'null');
      return labels.join(' | ') + (nullable ? ' | null' : '');
    }
  }
  if (Array.isArray(schema.enum)) return `enum: ${schema.enum.map((v) => esc(JSON.stringify(v))).join(' | ')}`;
  if ('const' in schema) return `const ${esc(JSON.stringify(schema.const))}`;
  if (schema.type === 'array') return `${typeLabel(schema.items as Json | undefined)}[]`;
  const type = Array.isArray(schema.type) ? schema.type.join(' | ') : String(schema.type ?? 'any');
  const format = schema.format ? ` (${esc(schema.format)})` : schema.pattern ? ` (pattern ${esc(schema.pattern)})` : '';
  return esc(type) + format;
}

/** zod puts a nullable field's description on its non-null branch; look there too. */
function describe(schema: Json | undefined): unknown {
  if (!schema) return undefined;
  if (schema.description) return schema.description;
  const branches = (schema.anyOf ?? schema.oneOf) as Json[] | undefined;
  return branches?.map((b) => b.description).find(Boolean);
}

function propertiesTable(schema: Json): string {
  const props = (schema.properties ?? {}) as Record<string, Json>;
  const required = new Set((schema.required as string[] | undefined) ?? []);
  const rows = Object.entries(props).map(
    ([name, p]) =>
      `<tr><td><code>${esc(name)}</code>${required.has(name) ? '' : ' <small>optional</small>'}</td><td>${typeLabel(p)}</td><td>${esc(describe(p))}</td></tr>`,
  );
  return rows.length ? `<table><tr><th>field</th><th>type</th><th>description</th></tr>${rows.join('')}</table>` : '';
}

function operationHtml(method: string, path: string, op: Json): string {
  const params = ((op.parameters ?? []) as Json[]).map(
    (p) =>
      `<tr><td><code>${esc(p.name)}</code> <small>${esc(p.in)}${p.required ? ', required' : ''}</small></td><td>${typeLabel(p.schema as Json)}</td><td>${esc(p.description ?? describe(p.schema as Json | undefined))}</td></tr>`,
  );
  const body = ((op.requestBody as Json | undefined)?.content as Record<string, Json> | undefined)?.['application/json']?.schema as Json | undefined;
  const responses = Object.entries((op.responses ?? {}) as Record<string, Json>).map(([status, r]) => {
    const schema = (r.content as Record<string, Json> | undefined)?.['application/json']?.schema as Json | undefined;
    return `<tr><td>${esc(status)}</td><td>${esc(r.description)}</td><td>${schema ? typeLabel(schema.$ref ? schema : { type: 'object' }) : ''}</td></tr>`;
  });
  return `<section class="op" id="${anchor(`${method}-${path}`)}">
<h3><span class="m ${esc(method)}">${esc(method.toUpperCase())}</span> <code>${esc(path)}</code></h3>
<p><strong>${esc(op.summary)}</strong>. ${esc(op.description)}</p>
${params.length ? `<h4>Parameters</h4><table><tr><th>name</th><th>type</th><th>description</th></tr>${params.join('')}</table>` : ''}
${body ? `<h4>Body</h4>${body.$ref ? typeLabel(body) : propertiesTable(body)}` : ''}
<h4>Responses</h4><table><tr><th>status</th><th>meaning</th><th>body</th></tr>${responses.join('')}</table>
</section>`;
}

export function renderReference(doc: Json): string {
  const info = (doc.info ?? {}) as Json;
  const paths = (doc.paths ?? {}) as Record<string, Record<string, Json>>;
  const byTag = new Map<string, string[]>();
  for (const [path, item] of Object.entries(paths)) {
    for (const [method, op] of Object.entries(item)) {
      const tag = ((op.tags as string[] | undefined) ?? ['Other'])[0]!;
      byTag.set(tag, [...(byTag.get(tag) ?? []), operationHtml(method, path, op)]);
    }
  }
  const schemas = ((doc.components as Json | undefined)?.schemas ?? {}) as Record<string, Json>;
  const toc = [...byTag.keys()].map((t) => `<li><a href="#tag-${anchor(t)}">${esc(t)}</a></li>`).join('');
  const models = Object.entries(schemas)
    .map(([name, s]) => `<section id="model-${anchor(name)}"><h3>${esc(name)}</h3><p>${esc(s.description)}</p>${propertiesTable(s)}</section>`)
    .join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(info.title)} reference</title>
<style>
body{font:15px/1.5 system-ui,sans-serif;margin:0 auto;max-width:1100px;padding:1rem 1.5rem;color:#1b1f24}
table{border-collapse:collapse;width:100%;margin:.3rem 0 1rem}td,th{border-bottom:1px solid #e3e6ea;padding:.3rem .5rem;text-align:left;vertical-align:top}
code{font-family:ui-monospace,monospace;font-size:.92em}.op{border-top:1px solid #d0d5db;padding-top:.5rem}
.m{display:inline-block;min-width:4.2em;text-align:center;border-radius:4px;color:#fff;font-size:.8em;padding:.1em .4em}
.get{background:#1f6feb}.post{background:#1a7f37}.patch{background:#9a6700}.put{background:#8250df}.delete{background:#cf222e}
small{color:#57606a}h4{margin:.6rem 0 .2rem}
</style></head><body>
<h1>${esc(info.title)} <small>${esc(info.version)}</small></h1><p>${esc(info.description)}</p>
<p>Authenticate with <code>Authorization: Bearer &lt;admin key or connection token&gt;</code>. Every response carries <code>X-Request-Id</code>; every error has the same envelope (see the <a href="#model-error">Error</a> model). The machine-readable document is <a href="/openapi.json">/openapi.json</a>.</p>
<nav><ul>${toc}<li><a href="#models">Models</a></li></ul></nav>
${[...byTag.entries()].map(([tag, ops]) => `<h2 id="tag-${anchor(tag)}">${esc(tag)}</h2>${ops.join('')}`).join('')}
<h2 id="models">Models</h2>${models}
</body></html>`;
}
