/**
 * A stream of byte chunks with absolute offsets that keeps what it served after a mark, so the reader can step
 * back to the start of a record the CSV parser gave up on and carry on from the next line without re-reading.
 */
export class ByteFeed {
  private readonly source: AsyncIterator<Buffer>;
  private front: Buffer[] = []; // stepped-back bytes, served before the source
  private kept: Buffer[] = [];
  private keptStart = 0;
  /** Absolute offset of the next byte to be served. */
  position = 0;

  constructor(source: AsyncIterable<Buffer>) {
    this.source = source[Symbol.asyncIterator]();
  }

  async next(): Promise<Buffer | null> {
    let chunk = this.front.shift();
    if (!chunk) {
      const next = await this.source.next();
      if (next.done) return null;
      chunk = next.value;
    }
    if (this.kept.length === 0) this.keptStart = this.position;
    this.kept.push(chunk);
    this.position += chunk.length;
    return chunk;
  }

  /** Stops the source (closes the file) when reading ends early. */
  async close() {
    await this.source.return?.();
  }

  /** Forget served bytes before `offset`: they will never be stepped back to. */
  release(offset: number) {
    while (this.kept.length > 0 && this.keptStart + this.kept[0]!.length <= offset) {
      this.keptStart += this.kept.shift()!.length;
    }
  }

  /** Bytes in [start, end) that have been served and not yet released. */
  slice(start: number, end: number): Buffer {
    if (start < this.keptStart || end > this.position) throw new RangeError("ByteFeed: range already released");
    const parts: Buffer[] = [];
    let at = this.keptStart;
    for (const chunk of this.kept) {
      const from = Math.max(0, start - at);
      const to = Math.min(chunk.length, end - at);
      if (to > from) parts.push(chunk.subarray(from, to));
      at += chunk.length;
    }
    return parts.length === 1 ? parts[0]! : Buffer.concat(parts);
  }

  /** Serve again everything from `offset` (not yet released) onwards. */
  stepBack(offset: number) {
    if (offset < this.keptStart || offset > this.position) throw new RangeError("ByteFeed: offset already released");
    const again: Buffer[] = [];
    let at = this.keptStart;
    for (const chunk of this.kept) {
      const from = Math.max(0, offset - at);
      if (from < chunk.length) again.push(chunk.subarray(from));
      at += chunk.length;
    }
    this.front = again.concat(this.front);
    this.kept = [];
    this.position = offset;
  }

  /** Drop bytes up to and including the next line break (\n, \r\n or a lone \r). False at end of input. */
  async skipLine(): Promise<boolean> {
    for (let chunk = await this.next(); chunk; chunk = await this.next()) {
      const at = lineBreakEnd(chunk);
      if (at < 0) continue;
      if (at === chunk.length && chunk[at - 1] === 0x0d) {
        // "\r" ends this chunk: a "\n" starting the next one belongs to the same line break.
        const following = await this.next();
        if (!following) return true;
        this.stepBack(this.position - following.length + (following[0] === 0x0a ? 1 : 0));
        return true;
      }
      this.stepBack(this.position - chunk.length + at);
      return true;
    }
    return false;
  }
}

function lineBreakEnd(chunk: Buffer): number {
  const lf = chunk.indexOf(0x0a);
  const cr = chunk.indexOf(0x0d);
  if (cr >= 0 && (lf < 0 || cr < lf)) return chunk[cr + 1] === 0x0a ? cr + 2 : cr + 1;
  return lf < 0 ? -1 : lf + 1;
}
