import type { Participant } from '../profile/types.js';
import type { ResolvedConfig } from './config.js';
import { encodeAvailability, utcOffsetMinutes } from './time/index.js';

/**
 * Tags become integer ids, one dictionary per kind of tag, shared by both sides of a
 * matrix so that ids compare across sides.
 */
export class TagDict {
  private readonly ids = new Map<string, number>();
  readonly names: string[] = [];

  /** The id of `tag`, adding it when new. */
  id(tag: string): number {
    let k = this.ids.get(tag);
    if (k === undefined) {
      k = this.names.length;
      this.ids.set(tag, k);
      this.names.push(tag);
    }
    return k;
  }

  /** The id of `tag`, or -1 when unknown (never adds). */
  find(tag: string): number {
    return this.ids.get(tag) ?? -1;
  }

  get size(): number {
    return this.names.length;
  }
}

/**
 * Compressed rows: person p's ids are `val[off[p] .. off[p + 1])`, sorted ascending,
 * with `lvl` (skills only) aligned to `val` (0 = level not given).
 */
export interface Csr {
  readonly off: Int32Array;
  readonly val: Int32Array;
  readonly lvl: Int8Array;
}

/** The shared dictionaries of one matrix. */
export interface Dictionaries {
  readonly skills: TagDict;
  readonly goals: TagDict;
  readonly interests: TagDict;
  readonly languages: TagDict;
  readonly places: TagDict;
  readonly custom: TagDict;
}

/** One side (mentees, mentors, or a peer pool) encoded once for fast scoring. */
export interface EncodedSide {
  readonly people: readonly Participant[];
  readonly n: number;
  readonly offered: Csr;
  readonly wanted: Csr;
  readonly goals: Csr;
  readonly interests: Csr;
  readonly languages: Csr;
  /** Department and location ids (in `places`), -1 when missing. */
  readonly dept: Int32Array;
  readonly loc: Int32Array;
  /** NaN when missing. */
  readonly seniority: Float64Array;
  /** UTC offset in minutes at the reference date; NaN without a time zone. */
  readonly tzOffset: Float64Array;
  /** Weekly availability as UTC minute intervals (see time/encode.ts), one per person. */
  readonly avail: readonly Int32Array[];
  /**
   * AVAIL_WORDS 32-bit words per person: bit b set when the person is available at some
   * minute of the b-th AVAIL_BLOCK-minute block of the UTC week. Pairs whose masks do
   * not meet share no minute, and are skipped without merging their interval lists.
   */
  readonly availMask: Uint32Array;
  /** n × T personality values in config trait order, NaN when missing. */
  readonly traits: Float64Array;
  /** One array per custom criterion: the value id (in `custom`), -1 when missing. */
  readonly custom: readonly Int32Array[];
}

/** Availability mask: AVAIL_WORDS × 32 blocks of AVAIL_BLOCK minutes cover the 10,080-minute week. */
export const AVAIL_WORDS = 4;
export const AVAIL_BLOCK = 79;

/** Creates empty dictionaries for a new matrix. */
export function newDictionaries(): Dictionaries {
  return {
    skills: new TagDict(),
    goals: new TagDict(),
    interests: new TagDict(),
    languages: new TagDict(),
    places: new TagDict(),
    custom: new TagDict(),
  };
}

function csr(
  people: readonly Participant[],
  items: (p: Participant) => readonly { name: string; level?: number | undefined }[] | readonly string[],
  dict: TagDict,
): Csr {
  const off = new Int32Array(people.length + 1);
  const pairs: [number, number][][] = [];
  for (let p = 0; p < people.length; p++) {
    const list = items(people[p]);
    const row: [number, number][] = [];
    const seen = new Set<number>();
    for (const it of list) {
      const name = typeof it === 'string' ? it : it.name;
      const lv = typeof it === 'string' ? 0 : (it.level ?? 0);
      const k = dict.id(name);
      if (seen.has(k)) continue;
      seen.add(k);
      row.push([k, lv]);
    }
    row.sort((a, b) => a[0] - b[0]);
    pairs.push(row);
    off[p + 1] = off[p] + row.length;
  }
  const val = new Int32Array(off[people.length]);
  const lvl = new Int8Array(off[people.length]);
  for (let p = 0, k = 0; p < pairs.length; p++) {
    for (const [v, l] of pairs[p]) {
      val[k] = v;
      lvl[k++] = l;
    }
  }
  return { off, val, lvl };
}

/**
 * Encodes one side: tags to ids (through the shared `dict`), tag sets as sorted
 * Int32Arrays, availability as UTC intervals, traits as a Float64Array. Runs once per
 * person; scoring then allocates nothing per pair.
 */
export function encodeSide(people: readonly Participant[], cfg: ResolvedConfig, dict: Dictionaries): EncodedSide {
  const n = people.length;
  const dept = new Int32Array(n).fill(-1);
  const loc = new Int32Array(n).fill(-1);
  const seniority = new Float64Array(n).fill(NaN);
  const tzOffset = new Float64Array(n).fill(NaN);
  const T = cfg.traits.length;
  const traits = new Float64Array(n * T).fill(NaN);
  const custom = cfg.custom.map(() => new Int32Array(n).fill(-1));
  const avail: Int32Array[] = [];
  const empty = new Int32Array(0);
  for (let p = 0; p < n; p++) {
    const x = people[p];
    if (x.department !== undefined) dept[p] = dict.places.id(`department:${x.department}`);
    if (x.location !== undefined) loc[p] = dict.places.id(`location:${x.location}`);
    if (x.seniority !== undefined) seniority[p] = x.seniority;
    if (x.timeZone !== undefined) {
      tzOffset[p] = utcOffsetMinutes(x.timeZone, cfg.referenceDate);
      avail.push(x.availability.length ? encodeAvailability(x.availability, x.timeZone, cfg.referenceDate) : empty);
    } else {
      avail.push(empty);
    }
    for (let t = 0; t < T; t++) {
      const v = x.personality[cfg.traits[t].name];
      if (typeof v === 'number') traits[p * T + t] = v;
    }
    for (let c = 0; c < cfg.custom.length; c++) {
      const v = x.attributes[cfg.custom[c].attribute];
      if (v !== undefined) custom[c][p] = dict.custom.id(`${cfg.custom[c].attribute}=${typeof v}:${String(v)}`);
    }
  }
  const availMask = new Uint32Array(AVAIL_WORDS * n);
  for (let p = 0; p < n; p++) {
    const a = avail[p];
    for (let k = 0; k < a.length; k += 2) {
      for (let b = Math.floor(a[k] / AVAIL_BLOCK), e = Math.floor((a[k + 1] - 1) / AVAIL_BLOCK); b <= e; b++) {
        availMask[AVAIL_WORDS * p + (b >> 5)] |= 1 << (b & 31);
      }
    }
  }
  return {
    people,
    n,
    availMask,
    offered: csr(people, (p) => p.skillsOffered, dict.skills),
    wanted: csr(people, (p) => p.skillsWanted, dict.skills),
    goals: csr(people, (p) => p.goals, dict.goals),
    interests: csr(people, (p) => p.interests, dict.interests),
    languages: csr(people, (p) => p.languages, dict.languages),
    dept,
    loc,
    seniority,
    tzOffset,
    avail,
    traits,
    custom,
  };
}

/**
 * Inverted index of a Csr over a dictionary: for each tag id, the people that have it
 * (and their level), so that a row of pair scores costs O(people + matches).
 */
export interface Postings {
  readonly off: Int32Array;
  readonly who: Int32Array;
  readonly lvl: Int8Array;
}

/** Builds the inverted index of `c` for `tags` tag ids. */
export function postings(c: Csr, n: number, tags: number): Postings {
  const off = new Int32Array(tags + 1);
  for (let k = 0; k < c.val.length; k++) off[c.val[k] + 1]++;
  for (let t = 0; t < tags; t++) off[t + 1] += off[t];
  const fill = off.slice(0, tags);
  const who = new Int32Array(c.val.length);
  const lvl = new Int8Array(c.val.length);
  for (let p = 0; p < n; p++) {
    for (let k = c.off[p]; k < c.off[p + 1]; k++) {
      const q = fill[c.val[k]]++;
      who[q] = p;
      lvl[q] = c.lvl[k];
    }
  }
  return { off, who, lvl };
}
