/**
 * An incremental reader of one JSON object whose big members are arrays (a ClaimTrail case export):
 * text goes in by chunks of any size; each top-level member comes out as it completes, and the
 * elements of the arrays named in `streamed` come out one at a time. Only one element (or one
 * other member) is held at once, so a 400 MB file is read in the memory of its largest record.
 *
 * It finds where each value ends (brackets and strings, across chunks) and hands exactly that text to
 * JSON.parse, so what is accepted is exactly what JSON.parse accepts; a syntax error is reported with
 * its line. No package used (none is installed: README, "Libraries"); no Node built-ins (core/).
 */

export interface SectionHandler {
  /** A top-level member that is not a streamed array (also a streamed name whose value is not an array). */
  member(name: string, value: unknown): void;
  sectionStart(name: string): void;
  /** One element of a streamed array, with the line it starts on. */
  item(name: string, index: number, value: unknown, line: number): void;
  sectionEnd(name: string, count: number): void;
}

export class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
    /** The element it is in ("evidence[12]"), when it is in one of a streamed array. */
    readonly record?: string,
  ) {
    super(message);
  }
}

const enum Mode {
  Start,
  KeyOrEnd,
  Key,
  Colon,
  Value,
  CommaOrEnd,
  ItemOrEnd,
  Item,
  ItemCommaOrEnd,
  Done,
}

/** What the value being collected is. */
const enum Scan {
  None,
  Container,
  Str,
  Atom,
}

const WS = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
const ATOM_END = (c: number) => c === 0x2c || c === 0x7d || c === 0x5d || WS(c);

export class JsonSectionReader {
  private mode = Mode.Start;
  private line = 1;
  /** The value being collected: kind, nesting, string state, its text so far and where it began. */
  private scan = Scan.None;
  private depth = 0;
  private inStr = false;
  private esc = false;
  private parts: string[] = [];
  private startLine = 1;
  /** What the collected value is for: a key, a member's value, or an element of `section`. */
  private purpose: 'key' | 'member' | 'item' = 'member';
  private key = '';
  private section = '';
  private index = 0;
  private seen = false;

  constructor(
    private readonly streamed: ReadonlySet<string>,
    private readonly h: SectionHandler,
  ) {}

  /** Whether any non-blank text was read. */
  get started(): boolean {
    return this.seen;
  }

  push(chunk: string): void {
    let i = 0;
    let from = -1; // where the value being collected starts in this chunk
    if (this.scan !== Scan.None) from = 0;
    const n = chunk.length;
    while (i < n) {
      if (this.scan !== Scan.None) {
        const end = this.scanValue(chunk, i);
        if (end < 0) {
          this.parts.push(chunk.slice(from));
          return;
        }
        // Atoms end before their delimiter; containers and strings at their closing character.
        const text = this.take(chunk.slice(from, end));
        this.complete(text);
        i = end;
        from = -1;
        continue;
      }
      const c = chunk.charCodeAt(i);
      if (WS(c)) {
        if (c === 0x0a) this.line++;
        i++;
        continue;
      }
      this.seen = true;
      switch (this.mode) {
        case Mode.Start:
          if (c !== 0x7b) this.fail('expected "{" at the start of the file');
          this.mode = Mode.KeyOrEnd;
          i++;
          break;
        case Mode.KeyOrEnd:
        case Mode.Key:
          if (c === 0x7d && this.mode === Mode.KeyOrEnd) {
            this.mode = Mode.Done;
            i++;
            break;
          }
          if (c !== 0x22) this.fail('expected a member name in double quotes');
          this.begin(Scan.Str, 'key');
          from = i;
          i++;
          break;
        case Mode.Colon:
          if (c !== 0x3a) this.fail('expected ":" after a member name');
          this.mode = Mode.Value;
          i++;
          break;
        case Mode.Value:
          if (c === 0x5b && this.streamed.has(this.key)) {
            this.section = this.key;
            this.index = 0;
            this.h.sectionStart(this.key);
            this.mode = Mode.ItemOrEnd;
            i++;
            break;
          }
          from = i;
          if (this.begin(this.kindOf(c), 'member') !== Scan.Atom) i++;
          break;
        case Mode.CommaOrEnd:
          if (c === 0x2c) this.mode = Mode.Key;
          else if (c === 0x7d) this.mode = Mode.Done;
          else this.fail('expected "," or "}" after a member');
          i++;
          break;
        case Mode.ItemOrEnd:
        case Mode.Item:
          if (c === 0x5d && this.mode === Mode.ItemOrEnd) {
            this.endSection();
            i++;
            break;
          }
          from = i;
          if (this.begin(this.kindOf(c), 'item') !== Scan.Atom) i++;
          break;
        case Mode.ItemCommaOrEnd:
          if (c === 0x2c) this.mode = Mode.Item;
          else if (c === 0x5d) this.endSection();
          else this.fail(`expected "," or "]" after an element of "${this.section}"`);
          i++;
          break;
        case Mode.Done:
          this.fail('unexpected text after the end of the JSON object');
      }
    }
    if (this.scan !== Scan.None && from >= 0) this.parts.push(chunk.slice(from));
  }

  /** The end of the text: everything must be complete. */
  end(): void {
    if (this.scan === Scan.Atom) this.complete(this.take(''));
    if (!this.seen) return;
    if (this.mode !== Mode.Done) this.fail('unexpected end of the file (the JSON is cut short)');
  }

  private kindOf(c: number): Scan {
    if (c === 0x7b || c === 0x5b) return Scan.Container;
    if (c === 0x22) return Scan.Str;
    return Scan.Atom;
  }

  private begin(kind: Scan, purpose: 'key' | 'member' | 'item'): Scan {
    this.scan = kind;
    this.purpose = purpose;
    this.depth = kind === Scan.Container ? 1 : 0;
    this.inStr = kind === Scan.Str;
    this.esc = false;
    this.parts = [];
    this.startLine = this.line;
    return kind;
  }

  private take(last: string): string {
    const text = this.parts.length ? this.parts.join('') + last : last;
    this.parts = [];
    return text;
  }

  /**
   * Scans from `i` (the value's first character was already consumed, except for atoms); returns the
   * index just past the value's end in `chunk`, or -1 when the value goes on in the next chunk.
   */
  private scanValue(s: string, i: number): number {
    const n = s.length;
    if (this.scan === Scan.Atom) {
      for (; i < n; i++) if (ATOM_END(s.charCodeAt(i))) return i;
      return -1;
    }
    let { depth, inStr, esc } = this;
    for (; i < n; i++) {
      const c = s.charCodeAt(i);
      if (inStr) {
        if (esc) esc = false;
        else if (c === 0x5c) esc = true;
        else if (c === 0x22) {
          inStr = false;
          if (depth === 0) {
            this.inStr = false;
            return i + 1;
          }
        } else if (c === 0x0a) this.line++;
        continue;
      }
      if (c === 0x22) inStr = true;
      else if (c === 0x7b || c === 0x5b) depth++;
      else if (c === 0x7d || c === 0x5d) {
        if (--depth === 0) {
          this.depth = 0;
          this.inStr = false;
          return i + 1;
        }
      } else if (c === 0x0a) this.line++;
    }
    this.depth = depth;
    this.inStr = inStr;
    this.esc = esc;
    return -1;
  }

  private complete(text: string): void {
    this.scan = Scan.None;
    const value = this.parse(text);
    if (this.purpose === 'key') {
      this.key = value as string;
      this.mode = Mode.Colon;
    } else if (this.purpose === 'member') {
      this.h.member(this.key, value);
      this.mode = Mode.CommaOrEnd;
    } else {
      this.h.item(this.section, this.index++, value, this.startLine);
      this.mode = Mode.ItemCommaOrEnd;
    }
  }

  private endSection(): void {
    this.h.sectionEnd(this.section, this.index);
    this.mode = Mode.CommaOrEnd;
  }

  private parse(text: string): unknown {
    try {
      return JSON.parse(text) as unknown;
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      const pos = /position (\d+)/.exec(msg);
      const line = pos ? this.startLine + (text.slice(0, Number(pos[1])).match(/\n/g)?.length ?? 0) : this.startLine;
      // The position JSON.parse names is inside this value, not the file: the line says where (where the
      // value starts when JSON.parse names no position), and the record which element.
      const record = this.purpose === 'item' ? `${this.section}[${this.index}]` : undefined;
      throw new JsonSyntaxError(msg.replace(/ in JSON at position \d+( \(line \d+ column \d+\))?/, '').slice(0, 200), line, record);
    }
  }

  private fail(message: string): never {
    throw new JsonSyntaxError(message, this.line);
  }
}
