import type { Transform } from 'node:stream';
import type { AdapterDefinition, AdapterContext, IngestOptions, LineResult } from './adapter.js';
import type { Diagnostic, InputStats } from '../types.js';
import { createLineSplitter, isOverlong } from './lines.js';
import { detectFormat, formatByName } from './formats.js';
import { isBlank } from './blank.js';
import type { RunState } from './context.js';

/**
 * split2 decodes each write into one string, and the lines are slices of it. A 128 KiB read
 * decodes to a string past V8's largest regular object, which is allocated straight into the
 * large-object space, part of the old generation that only a full GC frees: on the 1 GB bench that
 * was most of what the reading thread promoted. Strings of 16 KiB pieces are born young and die
 * young. (Measured: 23.6-24.3 s against 25.9-26.5 s for the 1 GB bench's analyze.)
 */
const SPLIT_PIECE = 16 * 1024;

/** What a reader does with the lines of one input once its format is known. */
export interface LineHandler {
  line(text: string, lineNo: number): LineResult;
  end(): void;
}

/** Builds the handler for an input; `streamEvents` wraps the adapter, `mergeLines` keeps text. */
export type HandlerFactory = (definition: AdapterDefinition, context: AdapterContext) => LineHandler;

/**
 * Turns the bytes of one input into classified lines: splits them (split2), picks the format,
 * feeds the handler, and keeps the accounting (events + other + invalid = lines) and the first
 * few diagnostics. `write` processes a whole chunk synchronously.
 */
export class InputReader {
  readonly stats: InputStats;
  readonly diagnostics: Diagnostic[] = [];
  diagnosticsOmitted = 0;
  private handler: LineHandler | undefined;
  private readonly splitter: Transform;
  private readonly options: IngestOptions;
  /** The last chunk did not end with LF: the input's last line is unterminated. */
  private endsMidLine = false;

  constructor(
    readonly name: string,
    private readonly run: RunState,
    private readonly factory: HandlerFactory,
  ) {
    this.options = run.options;
    this.stats = { name, lines: 0, events: 0, other: 0, invalid: 0, late: 0 };
    this.splitter = createLineSplitter(this.options.maxLineBytes, (line) => this.onLine(line));
  }

  write(chunk: Buffer): void {
    if (chunk.length > 0) this.endsMidLine = chunk[chunk.length - 1] !== 0x0a;
    if (chunk.length <= SPLIT_PIECE) {
      this.splitter.write(chunk);
      return;
    }
    for (let at = 0; at < chunk.length; at += SPLIT_PIECE) {
      this.splitter.write(chunk.subarray(at, Math.min(at + SPLIT_PIECE, chunk.length)));
    }
  }

  /** End of input: the last unterminated line, then the adapter's pending events. */
  async end(): Promise<void> {
    const invalidBefore = this.stats.invalid;
    await new Promise<void>((resolve) => this.splitter.end(() => resolve()));
    // An unterminated last line that does not parse is a torn one: the writer died mid-line, a
    // pipe closed early, or the file was cut. What came before is used; the verdict may lack the rest.
    if (this.endsMidLine && this.stats.invalid > invalidBefore) {
      this.stats.error ??= `it ends in the middle of line ${this.stats.lines} (the writer stopped, or the input was cut short)`;
    }
    try {
      this.handler?.end();
    } catch (error) {
      this.stats.error ??= `the ${this.name} adapter failed at end of input (${message(error)})`;
    }
  }

  private onLine(raw: string): void {
    const lineNo = ++this.stats.lines;
    let text = raw;
    if (isOverlong(text, this.options.maxLineBytes)) {
      this.invalid(lineNo, `line longer than ${this.options.maxLineBytes} bytes (--max-line-bytes)`);
      return;
    }
    // A BOM at the start of a file, or of a file concatenated onto another one.
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    // split2 keeps a CR that ends the last line when no LF follows it.
    if (text.charCodeAt(text.length - 1) === 13) text = text.slice(0, -1);
    let handler = this.handler;
    if (handler === undefined) {
      if (isBlank(text)) {
        this.stats.other++;
        return;
      }
      handler = this.handler = this.factory(this.pickFormat(text), this.run.contextFor(this.name));
    }
    let result: LineResult;
    try {
      result = handler.line(text, lineNo);
    } catch (error) {
      result = { bucket: 'invalid', reason: `the adapter failed on this line (${message(error)})` };
    }
    if (result.bucket === 'event') this.stats.events++;
    else if (result.bucket === 'other') this.stats.other++;
    else this.invalid(lineNo, result.reason ?? 'invalid');
  }

  private pickFormat(firstLine: string): AdapterDefinition {
    const format = this.options.inputFormat;
    if (format !== 'auto') {
      const definition = formatByName(format);
      if (definition !== undefined) return definition;
    }
    const { definition, recognised } = detectFormat(firstLine);
    if (!recognised) {
      this.run.notes.add(`${this.name}: the format was not recognised from its first line; it was read as NDJSON.`);
    }
    return definition;
  }

  private invalid(line: number, reason: string): void {
    this.stats.invalid++;
    if (this.diagnostics.length < this.options.maxDiagnosticsPerInput) {
      this.diagnostics.push({ input: this.name, line, reason });
    } else {
      this.diagnosticsOmitted++;
    }
  }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
