/**
 * Terminal prompts for the CLI: plain questions, and secrets typed without echo. One readline
 * interface serves every question, so answers piped in on standard input are not lost between
 * questions.
 */
import { createInterface, type Interface } from 'node:readline';
import { Writable } from 'node:stream';

export class Prompter {
  private muted = false;
  private readonly rl: Interface;
  private readonly lines: string[] = [];
  private waiting: ((line: string | undefined) => void) | undefined;
  private closed = false;

  constructor() {
    // While a secret is typed, nothing reaches the terminal but the question itself.
    const output = new Writable({
      write: (chunk, _enc, cb) => {
        if (!this.muted) process.stdout.write(chunk);
        cb();
      },
    });
    this.rl = createInterface({ input: process.stdin, output, terminal: Boolean(process.stdin.isTTY) });
    this.rl.on('line', (line) => {
      if (this.waiting) {
        const w = this.waiting;
        this.waiting = undefined;
        w(line);
      } else this.lines.push(line);
    });
    this.rl.on('close', () => {
      this.closed = true;
      this.waiting?.(undefined);
    });
  }

  async ask(question: string, opts: { secret?: boolean; default?: string } = {}): Promise<string> {
    process.stdout.write(`${question}${opts.default ? ` [${opts.default}]` : ''}: `);
    this.muted = Boolean(opts.secret);
    const line = this.lines.shift() ?? (this.closed ? undefined : await new Promise<string | undefined>((r) => (this.waiting = r)));
    this.muted = false;
    if (opts.secret || !process.stdin.isTTY) process.stdout.write('\n');
    return line?.trim() || opts.default || '';
  }

  close(): void {
    this.rl.close();
  }
}
