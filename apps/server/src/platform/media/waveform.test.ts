import { describe, expect, it } from "vitest";
import { PeakAccumulator } from "./waveform.ts";

function samples(values: number[]): Buffer {
  const buffer = Buffer.alloc(values.length * 2);
  for (const [index, value] of values.entries()) buffer.writeInt16LE(value, index * 2);
  return buffer;
}

describe("waveform peaks", () => {
  it("gives each window its loudest sample relative to full scale, rounded to 3 decimals", () => {
    const peaks = new PeakAccumulator(4);
    peaks.push(samples([100, -16384, 0, 0, 32767, 0, -32768, 5]));
    expect(peaks.finish()).toEqual([0.5, 0, 1, 1]);
  });

  it("copes with chunks that split a sample", () => {
    const whole = samples([0, 0, -8192, 0, 0, 0, 0, 16384]);
    const peaks = new PeakAccumulator(2);
    for (const byte of whole) peaks.push(Buffer.from([byte]));
    expect(peaks.finish()).toEqual([0.25, 0.5]);
  });

  it("keeps bounded memory over a long stream and still places a peak in the right window", () => {
    const points = 100;
    const peaks = new PeakAccumulator(points);
    const total = 1_000_000; // far more samples than the 1600 blocks it keeps
    const loudAt = 737_000;
    const chunk = 10_000;
    for (let start = 0; start < total; start += chunk) {
      peaks.push(samples(Array.from({ length: chunk }, (_, i) => (start + i === loudAt ? 32767 : 328))));
    }
    const result = peaks.finish();
    expect(result).toHaveLength(points);
    expect(result[73]).toBe(1);
    expect(result.filter((value) => value === 1)).toHaveLength(1);
    expect(result.filter((value) => value === 0.01)).toHaveLength(points - 1);
  });

  it("fills every point when there are fewer samples than points, and zeros when there are none", () => {
    const short = new PeakAccumulator(10);
    short.push(samples([16384, 32767]));
    expect(short.finish()).toEqual([0.5, 0.5, 0.5, 0.5, 0.5, 1, 1, 1, 1, 1]);
    expect(new PeakAccumulator(3).finish()).toEqual([0, 0, 0]);
  });

  it("refuses a silly number of points", () => {
    expect(() => new PeakAccumulator(0)).toThrow(RangeError);
    expect(() => new PeakAccumulator(1.5)).toThrow(RangeError);
  });
});
