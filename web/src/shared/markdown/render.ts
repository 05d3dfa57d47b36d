/**
 * Renders parse.ts's tree as React elements. Text only ever becomes text nodes (React escapes
 * it); there is no dangerouslySetInnerHTML anywhere. Written with createElement rather than JSX
 * so the node tests can import it without a JSX build step.
 */
import { createElement, type ReactNode } from 'react';
import { parseMarkdown, type Block, type Inline } from './parse.js';

export interface MarkdownProps {
  source: string;
  /**
   * Added to every heading level, so a guide's own "#" sits under the page's headings
   * (e.g. 2: a guide's h1 becomes an h3 inside a section titled by an h2).
   */
  headingOffset?: number;
}

export function Markdown({ source, headingOffset = 0 }: MarkdownProps): ReactNode {
  return createElement('div', { className: 'markdown' }, renderBlocks(parseMarkdown(source), headingOffset, false));
}

function renderBlocks(blocks: Block[], offset: number, inListItem: boolean): ReactNode[] {
  return blocks.map((block, key) => {
    switch (block.kind) {
      case 'heading':
        return createElement(`h${Math.min(6, block.level + offset)}`, { key }, renderInline(block.children));
      case 'paragraph':
        // The first paragraph of a list item is the item's text: a <p> there would add a gap.
        return inListItem && key === 0
          ? createElement('span', { key }, renderInline(block.children))
          : createElement('p', { key }, renderInline(block.children));
      case 'list':
        return createElement(
          block.ordered ? 'ol' : 'ul',
          { key, ...(block.ordered && block.start !== 1 ? { start: block.start } : {}) },
          block.items.map((item, i) => createElement('li', { key: i }, renderBlocks(item, offset, true))),
        );
      case 'code':
        return createElement('pre', { key }, createElement('code', null, block.text));
    }
  });
}

function renderInline(nodes: Inline[]): ReactNode[] {
  return nodes.map((node, key) => {
    switch (node.kind) {
      case 'text':
        return node.text;
      case 'code':
        return createElement('code', { key }, node.text);
      case 'strong':
        return createElement('strong', { key }, renderInline(node.children));
      case 'em':
        return createElement('em', { key }, renderInline(node.children));
      case 'link':
        // Guides link to vendors' documentation: open it beside the form, and tell that site nothing.
        return createElement('a', { key, href: node.href, target: '_blank', rel: 'noopener noreferrer' }, renderInline(node.children));
    }
  });
}
