/**
 * The auth-guide renderer (no browser needed): the markdown it supports comes out as the right
 * elements, and everything else — HTML tags, script URLs, attributes — comes out as text.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { parseInline, parseMarkdown, safeHref } from '../../web/src/shared/markdown/parse.js';
import { Markdown } from '../../web/src/shared/markdown/render.js';

const html = (source: string, headingOffset = 0) => renderToStaticMarkup(createElement(Markdown, { source, headingOffset }));
/** The rendered HTML without the wrapper. */
const inner = (source: string) => html(source).replace(/^<div class="markdown">/, '').replace(/<\/div>$/, '');

describe('markdown renderer', () => {
  it('renders headings, paragraphs, lists, emphasis, code and links', () => {
    assert.equal(inner('# Title\n\nSome *soft* and **strong** `code`.'), '<h1>Title</h1><p>Some <em>soft</em> and <strong>strong</strong> <code>code</code>.</p>');
    assert.equal(inner('- one\n- two'), '<ul><li><span>one</span></li><li><span>two</span></li></ul>');
    assert.equal(inner('3. three\n4. four'), '<ol start="3"><li><span>three</span></li><li><span>four</span></li></ol>');
    assert.equal(
      inner('See [the docs](https://docs.example.com/a?b=1&c=2).'),
      '<p>See <a href="https://docs.example.com/a?b=1&amp;c=2" target="_blank" rel="noopener noreferrer">the docs</a>.</p>',
    );
    assert.equal(inner('```\nline <1>\nline 2\n```'), '<pre><code>line &lt;1&gt;\nline 2</code></pre>');
  });

  it('joins wrapped lines, and keeps indented continuation lines and nested lists in their item', () => {
    assert.equal(inner('one\ntwo'), '<p>one two</p>');
    assert.equal(inner('1. Set a **Login**\n   and a password.\n2. Save'), '<ol><li><span>Set a <strong>Login</strong> and a password.</span></li><li><span>Save</span></li></ol>');
    assert.equal(inner('- outer\n  - inner\n- next'), '<ul><li><span>outer</span><ul><li><span>inner</span></li></ul></li><li><span>next</span></li></ul>');
  });

  it('shifts heading levels under the page headings, never past h6', () => {
    assert.equal(html('# A\n\n###### F', 2), '<div class="markdown"><h3>A</h3><h6>F</h6></div>');
  });

  it('escapes HTML instead of injecting it', () => {
    const out = inner('<script>alert(1)</script>\n\n<img src=x onerror="alert(2)"> & **<b>bold</b>**');
    assert.ok(!out.includes('<script'), out);
    assert.ok(!out.includes('<img'), out);
    assert.ok(!out.includes('<b>'), out);
    assert.equal(out, '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p><p>&lt;img src=x onerror=&quot;alert(2)&quot;&gt; &amp; <strong>&lt;b&gt;bold&lt;/b&gt;</strong></p>');
    assert.equal(inner('`<b>` in code'), '<p><code>&lt;b&gt;</code> in code</p>');
    assert.equal(inner('# <i>x</i>'), '<h1>&lt;i&gt;x&lt;/i&gt;</h1>');
  });

  it('turns only http(s) and mailto links into links; others stay text', () => {
    for (const href of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html,<b>x</b>', 'vbscript:x', '/relative', '//evil.example']) {
      const out = inner(`[click](${href})`);
      assert.equal(out, '<p>click</p>', href);
    }
    assert.equal(safeHref('mailto:it@example.com'), 'mailto:it@example.com');
    assert.equal(safeHref('https://example.com/"onmouseover="x'), 'https://example.com/%22onmouseover=%22x');
  });

  it('keeps unclosed or in-word markers as the characters they are', () => {
    assert.deepEqual(parseInline('snake_case_name and 2 * 3 * 4'), [{ kind: 'text', text: 'snake_case_name and 2 * 3 * 4' }]);
    assert.deepEqual(parseInline('**open'), [{ kind: 'text', text: '**open' }]);
    assert.deepEqual(parseInline('\\*not em\\*'), [{ kind: 'text', text: '*not em*' }]);
    assert.deepEqual(parseInline('[label](not a url)'), [{ kind: 'text', text: '[label](not a url)' }]);
  });

  it('renders the Tryton guide with its structure and no raw markup left', () => {
    const guide = readFileSync(new URL('../../src/connectors/tryton/guide.md', import.meta.url), 'utf8');
    const blocks = parseMarkdown(guide);
    assert.ok(blocks.some((b) => b.kind === 'heading' && b.level === 1));
    assert.ok(blocks.some((b) => b.kind === 'list' && b.ordered));
    const out = html(guide, 2);
    assert.ok(out.includes('<h3>Connecting Tryton</h3>'));
    assert.ok(out.includes('<strong>Administration → Users → Users</strong>'));
    assert.ok(out.includes('<code>https://erp.example.com</code>'));
    // Every marker was consumed: no stray ** or backticks in the text.
    const text = out.replace(/<[^>]+>/g, '');
    assert.ok(!text.includes('**') && !text.includes('`'), text);
  });
});
