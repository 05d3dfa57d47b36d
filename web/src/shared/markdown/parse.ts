/**
 * A deliberately small markdown reader for the auth guides: headings, paragraphs, lists (nested
 * by indentation), fenced code, bold, italic, inline code and links. It produces a tree of plain
 * text nodes, never HTML, so whatever a guide contains — tags included — can only ever be shown
 * as text (render.ts turns the tree into React elements, which escape text).
 */

export type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'code'; text: string }
  | { kind: 'strong'; children: Inline[] }
  | { kind: 'em'; children: Inline[] }
  | { kind: 'link'; href: string; children: Inline[] };

export type Block =
  | { kind: 'heading'; level: number; children: Inline[] }
  | { kind: 'paragraph'; children: Inline[] }
  | { kind: 'list'; ordered: boolean; start: number; items: Block[][] }
  | { kind: 'code'; text: string };

/** Only these schemes become links; anything else (javascript:, data:, relative paths) stays text. */
const SAFE_SCHEMES = new Set(['http:', 'https:', 'mailto:']);

export function safeHref(href: string): string | undefined {
  try {
    const url = new URL(href);
    return SAFE_SCHEMES.has(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

const HEADING = /^(#{1,6})[ \t]+(.*?)[ \t#]*$/;
const FENCE = /^(```|~~~)/;
const BULLET = /^([-*+])[ \t]+(.*)$/;
const NUMBERED = /^(\d{1,9})[.)][ \t]+(.*)$/;

const indentOf = (line: string): number => line.length - line.trimStart().length;
const isBlank = (line: string): boolean => line.trim() === '';

interface ListMarker {
  ordered: boolean;
  number: number;
  text: string;
  /** Columns before the item's text: continuation lines indented this far belong to the item. */
  contentIndent: number;
}

function listMarker(line: string): ListMarker | undefined {
  const bullet = BULLET.exec(line);
  if (bullet) return { ordered: false, number: 1, text: bullet[2] ?? '', contentIndent: line.length - (bullet[2] ?? '').length };
  const numbered = NUMBERED.exec(line);
  if (numbered) return { ordered: true, number: Number(numbered[1]), text: numbered[2] ?? '', contentIndent: line.length - (numbered[2] ?? '').length };
  return undefined;
}

/** Whether a line, at the left margin, starts a block other than a paragraph. */
function startsBlock(line: string): boolean {
  return HEADING.test(line) || FENCE.test(line) || listMarker(line) !== undefined;
}

export function parseMarkdown(source: string): Block[] {
  const lines = source.replace(/\r\n?/g, '\n').replace(/\t/g, '    ').split('\n');
  return parseBlocks(lines);
}

function parseBlocks(lines: string[]): Block[] {
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (isBlank(line)) {
      i++;
      continue;
    }
    const trimmed = line.trimStart();
    const heading = HEADING.exec(trimmed);
    if (heading) {
      blocks.push({ kind: 'heading', level: heading[1]!.length, children: parseInline(heading[2] ?? '') });
      i++;
      continue;
    }
    const fence = FENCE.exec(trimmed);
    if (fence) {
      const body: string[] = [];
      i++;
      while (i < lines.length && !lines[i]!.trimStart().startsWith(fence[1]!)) body.push(lines[i++]!);
      i++; // the closing fence (or the end of the text)
      blocks.push({ kind: 'code', text: body.join('\n') });
      continue;
    }
    const marker = listMarker(trimmed);
    if (marker) {
      const [list, next] = parseList(lines, i, marker.ordered);
      blocks.push(list);
      i = next;
      continue;
    }
    const text: string[] = [];
    while (i < lines.length && !isBlank(lines[i]!) && (text.length === 0 || !startsBlock(lines[i]!.trimStart()))) {
      text.push(lines[i]!.trim());
      i++;
    }
    blocks.push({ kind: 'paragraph', children: parseInline(text.join(' ')) });
  }
  return blocks;
}

/** Reads the list starting at `start`; answers it and the index of the first line after it. */
function parseList(lines: string[], start: number, ordered: boolean): [Block, number] {
  const baseIndent = indentOf(lines[start]!);
  const items: Block[][] = [];
  let first = 0;
  let i = start;
  while (i < lines.length) {
    const line = lines[i]!;
    const marker = indentOf(line) === baseIndent ? listMarker(line.trimStart()) : undefined;
    if (!marker || marker.ordered !== ordered) break;
    if (items.length === 0) first = marker.number;
    const contentIndent = baseIndent + marker.contentIndent;
    const body = [marker.text];
    i++;
    while (i < lines.length) {
      const next = lines[i]!;
      if (isBlank(next)) {
        // A blank line ends the item unless what follows is indented under it.
        const after = lines.slice(i).find((l) => !isBlank(l));
        if (after === undefined || indentOf(after) < contentIndent) break;
        body.push('');
        i++;
        continue;
      }
      if (indentOf(next) >= Math.min(contentIndent, baseIndent + 2)) {
        body.push(next.slice(Math.min(indentOf(next), contentIndent)));
        i++;
        continue;
      }
      // A line at the list's margin: the next item, or a lazy continuation of this one's text.
      if (indentOf(next) <= baseIndent && startsBlock(next.trimStart())) break;
      if (body[body.length - 1] === '') break;
      body.push(next.trim());
      i++;
    }
    items.push(parseBlocks(body));
    // Blank lines between items keep the list going.
    let j = i;
    while (j < lines.length && isBlank(lines[j]!)) j++;
    const following = lines[j];
    if (following === undefined || indentOf(following) !== baseIndent) break;
    const nextMarker = listMarker(following.trimStart());
    if (!nextMarker || nextMarker.ordered !== ordered) break;
    i = j;
  }
  return [{ kind: 'list', ordered, start: first, items }, i];
}

const ESCAPABLE = new Set('\\`*_{}[]()#+-.!>~|'.split(''));

/** Inline markup. Anything that does not close properly is kept as the characters it was. */
export function parseInline(src: string): Inline[] {
  const out: Inline[] = [];
  let text = '';
  const flush = () => {
    if (text) out.push({ kind: 'text', text });
    text = '';
  };
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (c === '\\' && ESCAPABLE.has(src[i + 1] ?? '')) {
      text += src[i + 1];
      i += 2;
      continue;
    }
    if (c === '`') {
      const end = src.indexOf('`', i + 1);
      if (end > i + 1) {
        flush();
        out.push({ kind: 'code', text: src.slice(i + 1, end) });
        i = end + 1;
        continue;
      }
    }
    if (c === '[') {
      // The address may hold one level of balanced parentheses, as in Wikipedia-style URLs.
      const link = /^\[([^\]]+)\]\(((?:[^()\s]|\([^()\s]*\))+)\)/.exec(src.slice(i));
      if (link) {
        flush();
        const href = safeHref(link[2]!);
        const children = parseInline(link[1]!);
        if (href) out.push({ kind: 'link', href, children });
        else out.push(...children);
        i += link[0].length;
        continue;
      }
    }
    if ((c === '*' || c === '_') && src[i + 1] === c) {
      const end = findClosing(src, i + 2, c + c);
      if (end !== -1) {
        flush();
        out.push({ kind: 'strong', children: parseInline(src.slice(i + 2, end)) });
        i = end + 2;
        continue;
      }
    }
    if ((c === '*' || c === '_') && opensEmphasis(src, i)) {
      const end = findClosing(src, i + 1, c);
      if (end !== -1) {
        flush();
        out.push({ kind: 'em', children: parseInline(src.slice(i + 1, end)) });
        i = end + 1;
        continue;
      }
    }
    text += c;
    i++;
  }
  flush();
  return out;
}

/** `_` inside a word (snake_case) is not emphasis; an opener must be followed by a non-space. */
function opensEmphasis(src: string, i: number): boolean {
  const next = src[i + 1];
  if (next === undefined || /\s/.test(next)) return false;
  if (src[i] === '_' && i > 0 && /[\p{L}\p{N}]/u.test(src[i - 1]!)) return false;
  return true;
}

/** The index of a closing delimiter: after some text, preceded by a non-space, not doubled. */
function findClosing(src: string, from: number, delimiter: string): number {
  for (let j = from + 1; j <= src.length - delimiter.length; j++) {
    if (src[j] === '`') {
      const end = src.indexOf('`', j + 1);
      if (end !== -1) j = end;
      continue;
    }
    if (!src.startsWith(delimiter, j) || /\s/.test(src[j - 1]!)) continue;
    if (delimiter.length === 1) {
      // `*a **b** c*`: a doubled delimiter belongs to strong text inside, not to this emphasis.
      if (src[j + 1] === delimiter) {
        j++;
        continue;
      }
      if (delimiter === '_' && /[\p{L}\p{N}]/u.test(src[j + 1] ?? '')) continue;
    }
    return j;
  }
  return -1;
}
