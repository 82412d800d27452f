/**
 * Peaks for a waveform display, computed while decoded samples stream past, in memory that does
 * not grow with the track's length: samples fold into at most `16 × points` blocks, each the
 * loudest sample it covers, and when the blocks run out, neighbours merge and each block covers
 * twice as many samples. So the duration need not be known in advance (nor trusted: an MP3's
 * header may be wrong), and at the end each of the `points` windows is the maximum of its blocks,
 * exact to within one block (1/16 of a window or less).
 */
export class PeakAccumulator {
  private readonly blocks: Uint16Array;
  private count = 0;
  private samplesPerBlock = 1;
  private filled = 1;
  private leftover: number | null = null;

  constructor(private readonly points: number) {
    if (!Number.isInteger(points) || points < 1 || points > 100_000) {
      throw new RangeError(`points must be an integer from 1 to 100000, not ${points}`);
    }
    this.blocks = new Uint16Array(points * 16);
  }

  /** Signed 16-bit little-endian mono samples; chunks may split a sample. */
  push(chunk: Buffer): void {
    let offset = 0;
    if (this.leftover !== null && chunk.length > 0) {
      this.add(Buffer.from([this.leftover, chunk[0] ?? 0]).readInt16LE(0));
      this.leftover = null;
      offset = 1;
    }
    for (; offset + 1 < chunk.length; offset += 2) this.add(chunk.readInt16LE(offset));
    if (offset < chunk.length) this.leftover = chunk[offset] ?? 0;
  }

  private add(sample: number): void {
    if (this.filled === this.samplesPerBlock) {
      if (this.count === this.blocks.length) this.mergeNeighbours();
      this.blocks[this.count++] = 0;
      this.filled = 0;
    }
    const magnitude = Math.abs(sample);
    const last = this.count - 1;
    if (magnitude > (this.blocks[last] ?? 0)) this.blocks[last] = magnitude;
    this.filled++;
  }

  private mergeNeighbours(): void {
    const half = this.blocks.length / 2;
    for (let i = 0; i < half; i++) {
      this.blocks[i] = Math.max(this.blocks[2 * i] ?? 0, this.blocks[2 * i + 1] ?? 0);
    }
    this.count = half;
    this.samplesPerBlock *= 2;
  }

  /** `points` values in 0..1, relative to full scale (32768), rounded to 3 decimals. */
  finish(): number[] {
    const peaks = new Array<number>(this.points).fill(0);
    const blocks = this.count;
    if (blocks === 0) return peaks;
    for (let i = 0; i < this.points; i++) {
      const start = Math.min(Math.floor((i * blocks) / this.points), blocks - 1);
      const end = Math.max(start + 1, Math.floor(((i + 1) * blocks) / this.points));
      let max = 0;
      for (let block = start; block < end; block++) max = Math.max(max, this.blocks[block] ?? 0);
      peaks[i] = Math.min(1, Math.round((max / 32768) * 1000) / 1000);
    }
    return peaks;
  }
}
