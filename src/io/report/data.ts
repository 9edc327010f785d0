/**
 * The data the report's inline script draws its tables from, in a compact form: people
 * and repeated strings (evidence, concerns, reasons) are stored once and referred to by index, so
 * the file grows linearly with the number of pairs and stays small.
 *
 * @module
 */
import type { AnyPair, MatchResult } from '../../match/types.js';
import { groupsOf, pairIds } from '../../match/result-shape.js';
import type { Participant } from '../../profile/types.js';
import { UNMATCHED_REASONS } from '../../match/reason-codes.js';
import { CONCERN_CODES, CONCERN_LABELS, type Concern, type ConcernCode } from '../../score/concerns.js';
import { round } from './format.js';

/**
 * A person: `[id, name | null, department | null]`.
 *
 * @example
 * ```ts
 * const ada: PersonRow = ['e-01', 'Ada Lovelace', 'engineering'];
 * ```
 */
export type PersonRow = readonly [string, string | null, string | null];

/**
 * One piece of evidence: an index into `strings` (text without digits), or
 * `[template, ...parts]` where `strings[template]` holds the text with each run of digits
 * replaced by U+0000 and `parts` are those runs (numbers, or strings when they have a
 * leading zero), so that `openness 71 vs 88 (similar, 83/100)` shares its template with
 * every other pair's openness line.
 *
 * @example
 * ```ts
 * // strings[7] === 'openness \u0000 vs \u0000 (similar, \u0000/\u0000)'
 * const item: EvidenceItem = [7, 71, 88, 83, 100]; // 'openness 71 vs 88 (similar, 83/100)'
 * ```
 */
export type EvidenceItem = number | readonly [number, ...(number | string)[]];

/**
 * A concern: `[kind, message]`, `kind` indexing {@link ReportData.concernKinds} (the
 * order of `CONCERN_CODES`), the message stored like evidence.
 *
 * @example
 * ```ts
 * const c: ConcernItem = [1, 12]; // concernKinds[1][0] === 'no-shared-language', strings[12] the message
 * ```
 */
export type ConcernItem = readonly [number, EvidenceItem];

/**
 * A pair: `[a, b, score, locked, contributions, criterionScores, evidence, essentialFit,
 * concerns]` where `a`, `b` index `people`, `contributions[k]` are points (1 decimal) and
 * `criterionScores[k]` is on 0–100 (whole numbers, the scale of the pair score and of
 * `explain`) or null, both aligned with `criteria`,
 * `evidence[k]` lists the criterion's {@link EvidenceItem}s, `essentialFit` is 1 for an
 * essential fit and `concerns` are the pair's {@link ConcernItem}s in code order.
 *
 * @example
 * ```ts
 * const row: PairRow = [0, 1, 78.5, 0, [24.1, 13.3], [80, 100], [[3], [[7, 71, 88, 83, 100]]], 1, []];
 * ```
 */
export type PairRow = readonly [
  number,
  number,
  number,
  0 | 1,
  readonly number[],
  readonly (number | null)[],
  readonly (readonly EvidenceItem[])[],
  0 | 1,
  readonly ConcernItem[],
];

/**
 * A group: `[mentor | -1, members, score, concerns]` (indices into `people`; the group's
 * own {@link ConcernItem}s, e.g. no common time for all its members).
 *
 * @example
 * ```ts
 * const group: GroupRow = [4, [0, 2, 5], 61.2, []];
 * ```
 */
export type GroupRow = readonly [number, readonly number[], number, readonly ConcernItem[]];

/**
 * An unmatched person: `[person, role, code, message]` (code and message index `strings`).
 *
 * @example
 * ```ts
 * const row: UnmatchedRow = [9, 'mentee', 2, 3]; // strings[2] === 'no-capacity'
 * ```
 */
export type UnmatchedRow = readonly [number, string, number, number];

/**
 * What the inline script reads from `<script type="application/json" id="report-data">`.
 *
 * @example
 * ```ts
 * const data: ReportData = JSON.parse(document.getElementById('report-data')!.textContent!);
 * data.labels; // ['Mentee', 'Mentor']
 * ```
 */
export interface ReportData {
  /** `peer` mode names both sides `Peer`; otherwise `Mentee` / `Mentor`. */
  readonly labels: readonly [string, string];
  /** Criteria in the order of the breakdowns: `[name, weight, must]`. */
  readonly criteria: readonly (readonly [string, number, boolean])[];
  /** The concern codes with their short labels, `[code, label]`, in `CONCERN_CODES` order. */
  readonly concernKinds: readonly (readonly [ConcernCode, string])[];
  /** Every unmatched-reason code with its label (`UNMATCHED_REASONS`). */
  readonly reasonLabels: Readonly<Record<string, string>>;
  readonly people: readonly PersonRow[];
  readonly strings: readonly string[];
  readonly pairs: readonly PairRow[];
  readonly groups: readonly GroupRow[];
  readonly unmatched: readonly UnmatchedRow[];
}

/**
 * Builds the {@link ReportData} of a result: people in order of first appearance (pairs,
 * then groups, then unmatched), strings interned in order of first use, evidence and
 * concern messages split into a shared template and its numbers, numbers rounded.
 * Deterministic for a given result and participants.
 *
 * Complexity: O(participants + pairs · criteria + evidence).
 *
 * @param result - The match result.
 * @param participants - Optional; supplies names and departments.
 * @returns The compact data blob.
 *
 * @example
 * ```ts
 * const data = reportData(result, people);
 * data.pairs[0]; // [0, 1, 78.5, 0, [24.1, 13.3, …], [0.8, 1, …], [[0, 1], [], …], 1, []]
 * data.people[0]; // ['e-001', 'Ada Lovelace', 'engineering']
 * ```
 */
export function reportData(result: MatchResult, participants?: readonly Participant[]): ReportData {
  const t = interner(participants);
  const { criteria, criterionIndex } = criterionColumns(result);
  const pairs: PairRow[] = result.pairs.map((pair) => pairRow(pair, criteria.length, criterionIndex, t));
  const groups: GroupRow[] = groupsOf(result).map((g) => ['mentorId' in g ? t.personOf(g.mentorId) : -1, g.memberIds.map(t.personOf), round(g.score, 1), t.concernsOf(g.concerns)]);
  const unmatched: UnmatchedRow[] = result.unmatched.map((u) => [t.personOf(u.id), u.role, t.stringOf(u.reason.code), t.stringOf(u.reason.message)]);

  return {
    labels: result.mode === 'peer' ? ['Peer', 'Peer'] : ['Mentee', 'Mentor'],
    criteria,
    concernKinds: CONCERN_CODES.map((c) => [c, CONCERN_LABELS[c]] as const),
    reasonLabels: UNMATCHED_REASONS,
    people: t.people,
    strings: t.strings,
    pairs,
    groups,
    unmatched,
  };
}

/** The people and strings of a report, each stored once in order of first use, and the functions that refer to them by index. */
interface Interner {
  readonly people: PersonRow[];
  readonly strings: string[];
  readonly personOf: (id: string) => number;
  readonly stringOf: (s: string) => number;
  readonly evidenceOf: (text: string) => EvidenceItem;
  readonly concernsOf: (cs: readonly Concern[] | undefined) => ConcernItem[];
}

/** A fresh {@link Interner}; names and departments come from `participants`. */
function interner(participants: readonly Participant[] | undefined): Interner {
  const byId = new Map<string, Participant>();
  if (participants) for (const p of participants) byId.set(p.id, p);

  const people: PersonRow[] = [];
  const personIndex = new Map<string, number>();
  const personOf = (id: string): number => {
    let k = personIndex.get(id);
    if (k === undefined) {
      k = people.length;
      personIndex.set(id, k);
      const p = byId.get(id);
      people.push([id, p?.name ?? null, p?.department ?? null]);
    }
    return k;
  };

  const strings: string[] = [];
  const stringIndex = new Map<string, number>();
  const stringOf = (s: string): number => {
    let k = stringIndex.get(s);
    if (k === undefined) {
      k = strings.length;
      stringIndex.set(s, k);
      strings.push(s);
    }
    return k;
  };

  // Evidence differs between pairs mostly in its numbers (levels, hours, trait scores):
  // share the words, keep the numbers.
  const evidenceOf = (text: string): EvidenceItem => {
    if (!/\d/.test(text) || text.includes('\u0000')) return stringOf(text);
    const parts: (number | string)[] = [];
    const template = text.replace(/\d+/g, (run) => {
      parts.push(run.length < 16 && (run === '0' || run[0] !== '0') ? Number(run) : run);
      return '\u0000';
    });
    return [stringOf(template), ...parts];
  };

  const concernOf = (c: Concern): ConcernItem => [CONCERN_CODES.indexOf(c.code), evidenceOf(c.message)];
  // `?? []`: a result written before concerns existed has none.
  const concernsOf = (cs: readonly Concern[] | undefined): ConcernItem[] => (cs ?? []).filter((c) => CONCERN_CODES.includes(c.code)).map(concernOf);

  return { people, strings, personOf, stringOf, evidenceOf, concernsOf };
}

/** The criteria of the pairs' breakdowns in order of first appearance, `[name, weight, must]`, and each one's column. */
function criterionColumns(result: MatchResult): { criteria: [string, number, boolean][]; criterionIndex: Map<string, number> } {
  const criteria: [string, number, boolean][] = [];
  const criterionIndex = new Map<string, number>();
  for (const pair of result.pairs) {
    for (const c of pair.breakdown) {
      if (!criterionIndex.has(c.name)) {
        criterionIndex.set(c.name, criteria.length);
        criteria.push([c.name, round(c.weight, 3), c.must]);
      }
    }
  }
  return { criteria, criterionIndex };
}

/** One pair as a {@link PairRow}, its breakdown spread over the `width` criterion columns. */
function pairRow(pair: AnyPair, width: number, criterionIndex: ReadonlyMap<string, number>, t: Interner): PairRow {
  const contributions: number[] = new Array<number>(width).fill(0);
  const scores: (number | null)[] = new Array<number | null>(width).fill(null);
  const evidence: EvidenceItem[][] = Array.from({ length: width }, () => []);
  for (const c of pair.breakdown) {
    const k = criterionIndex.get(c.name) as number;
    contributions[k] = round(c.contribution, 1);
    scores[k] = c.score === null ? null : round(100 * c.score, 0);
    evidence[k] = c.evidence.map(t.evidenceOf);
  }
  const [a, b] = pairIds(pair);
  return [
    t.personOf(a),
    t.personOf(b),
    round(pair.score, 1),
    pair.locked ? 1 : 0,
    contributions,
    scores,
    evidence,
    pair.essentialFit ? 1 : 0,
    t.concernsOf(pair.concerns),
  ];
}
