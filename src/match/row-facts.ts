/**
 * A mentee's {@link RowFacts} (the tally of their candidates and the {@link RowScan} the
 * reasons read) as fixed-size numbers, so that the threads of a streamed pass can write
 * them into shared memory and the calling thread read them back: one `Int32Array`
 * record a row, and two bit sets a row over the mentors that locked pairs hold places at.
 *
 * @module
 */
import type { RowFacts, RowScan } from './reasons.js';
import { tallyWidth } from './reasons.js';

/** Where each field of a packed {@link RowScan} is, after the row's tally. */
const SCAN = Object.freeze({ allowed: 0, failSkill: 1, failLanguage: 2, failTime: 3, fitN: 4, topFit: 5, topAny: 8, anyPlace: 11, heldFit: 12, heldAllowed: 13, width: 14 });

/** The best mentors a scan keeps (its `topFit` and `topAny`). */
const TOP = 3;

/**
 * The layout of a cohort's packed facts: `ruleCount` rule codes, and the mentors that
 * locked pairs hold places at (`lockedCols`, ascending — `heldAt` lists are subsets).
 *
 * @example
 * ```ts
 * const layout = new FactsLayout(4, Int32Array.of(7, 12));
 * const record = new Int32Array(rows * layout.width), held = new Uint32Array(rows * layout.heldWords);
 * ```
 */
export class FactsLayout {
  /** Int32 fields a row. */
  readonly width: number;
  /** Uint32 words a row for its two held-at bit sets. */
  readonly heldWords: number;
  private readonly tallyLength: number;
  private readonly words: number;
  private readonly lockedIndex: Map<number, number>;

  constructor(
    ruleCount: number,
    readonly lockedCols: Int32Array,
  ) {
    this.tallyLength = tallyWidth(ruleCount);
    this.width = this.tallyLength + SCAN.width;
    this.words = Math.ceil(lockedCols.length / 32);
    this.heldWords = 2 * this.words;
    this.lockedIndex = new Map(Array.from(lockedCols, (j, k) => [j, k]));
  }

  /** Writes row `i`'s facts into `record` and `held` (each the whole cohort's). */
  pack(i: number, f: RowFacts, record: Int32Array, held: Uint32Array): void {
    const at = i * this.width;
    record.set(f.tally, at);
    const s = f.scan;
    const o = at + this.tallyLength;
    record[o + SCAN.allowed] = s.allowed;
    record[o + SCAN.failSkill] = s.failSkill;
    record[o + SCAN.failLanguage] = s.failLanguage;
    record[o + SCAN.failTime] = s.failTime;
    record[o + SCAN.fitN] = s.fitN;
    for (let t = 0; t < TOP; t++) {
      record[o + SCAN.topFit + t] = t < s.topFit.length ? s.topFit[t] : -1;
      record[o + SCAN.topAny + t] = t < s.topAny.length ? s.topAny[t] : -1;
    }
    record[o + SCAN.anyPlace] = s.anyPlace ? 1 : 0;
    record[o + SCAN.heldFit] = s.heldFit;
    record[o + SCAN.heldAllowed] = s.heldAllowed;
    const b = i * this.heldWords;
    for (const j of s.heldAt) this.mark(held, b, j);
    for (const j of s.heldAtFit) this.mark(held, b + this.words, j);
  }

  /** Row `i`'s facts from `record` and `held` (the tally a view into `record`). */
  unpack(i: number, record: Int32Array, held: Uint32Array): RowFacts {
    const at = i * this.width;
    const o = at + this.tallyLength;
    const top = (from: number): number[] => {
      const out: number[] = [];
      for (let t = 0; t < TOP && record[o + from + t] >= 0; t++) out.push(record[o + from + t]);
      return out;
    };
    const b = i * this.heldWords;
    const scan: RowScan = {
      allowed: record[o + SCAN.allowed],
      failSkill: record[o + SCAN.failSkill],
      failLanguage: record[o + SCAN.failLanguage],
      failTime: record[o + SCAN.failTime],
      fitN: record[o + SCAN.fitN],
      topFit: top(SCAN.topFit),
      topAny: top(SCAN.topAny),
      anyPlace: record[o + SCAN.anyPlace] === 1,
      heldFit: record[o + SCAN.heldFit],
      heldAllowed: record[o + SCAN.heldAllowed],
      heldAt: this.marked(held, b),
      heldAtFit: this.marked(held, b + this.words),
    };
    return { tally: record.subarray(at, at + this.tallyLength), scan };
  }

  private mark(held: Uint32Array, base: number, j: number): void {
    const k = this.lockedIndex.get(j)!; // heldAt lists only mentors that locked pairs hold places at
    held[base + (k >>> 5)] |= 1 << (k & 31);
  }

  /** The locked columns whose bit is set, ascending (the order the scan found them in). */
  private marked(held: Uint32Array, base: number): number[] {
    const out: number[] = [];
    for (let k = 0; k < this.lockedCols.length; k++) if (held[base + (k >>> 5)] & (1 << (k & 31))) out.push(this.lockedCols[k]);
    return out;
  }
}
