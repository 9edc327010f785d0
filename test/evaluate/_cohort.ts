/**
 * Shared test fixtures for the audits: a small cohort parsed from JSON, skills-only
 * scoring, hand-built results and matrices.
 */
import type { MatchConfig, MatchMode } from '../../src/match/config.js';
import type { AnyGroup, GroupResult, MatchedPair, MatchResult, MentorGroup, PairsResult, PeerGroup, PeerPair, PeerResult, Unmatched } from '../../src/match/types.js';
import type { UnmatchedCode } from '../../src/match/reason-codes.js';
import { parseParticipants } from '../../src/profile/parse.js';
import type { Participant } from '../../src/profile/types.js';
import { buildCompatibility, buildPeerCompatibility, type CompatibilityMatrix } from '../../src/score/matrix.js';
import type { StabilityMatrix } from '../../src/evaluate/stability-audit.js';

/** Only the skills criterion counts; no manager rule. Skill score = share of wanted skills offered. */
export const skillsOnly: MatchConfig = {
  weights: { skills: 1, goals: 0, interests: 0, availability: 0, timeZone: 0, personality: 0, languages: 0, department: 0, location: 0, seniority: 0 },
  rules: { notOwnManager: false },
};

/**
 * Three mentees, two mentors. Scores (skills only):
 *   e-1 (python, sql): m-1 100, m-2 50; e-2 (python): m-1 100, m-2 100; e-3 (rust): 0, 0.
 */
export const cohort: readonly Participant[] = parseParticipants([
  { id: 'e-1', role: 'mentee', skillsWanted: 'python; sql', department: 'Eng', location: 'Berlin', seniority: 2, attributes: { Gender: 'f', remote: true } },
  { id: 'e-2', role: 'mentee', skillsWanted: 'python', department: 'Sales', location: 'Lisbon', seniority: 1, attributes: { gender: 'm' } },
  { id: 'e-3', role: 'mentee', skillsWanted: 'rust', department: 'Eng', seniority: 1 },
  { id: 'm-1', name: 'Mia', role: 'mentor', skillsOffered: 'python; sql', department: 'Eng', location: 'Berlin', seniority: 5, capacity: 1, attributes: { gender: 'f' } },
  { id: 'm-2', name: 'Max', role: 'mentor', skillsOffered: 'python', department: 'Ops', location: 'Lisbon', seniority: 4, capacity: 2 },
]);

export const mentees = (ps: readonly Participant[]): Participant[] => ps.filter((p) => p.roles.includes('mentee'));
export const mentors = (ps: readonly Participant[]): Participant[] => ps.filter((p) => p.roles.includes('mentor'));

/** The matrix `match` scores a bipartite cohort with. */
export function matrixOf(ps: readonly Participant[], config: MatchConfig = skillsOnly): CompatibilityMatrix {
  const { mode: _m, minScore: _s, ...scoring } = config;
  return buildCompatibility(mentees(ps), mentors(ps), scoring);
}

/** The peer matrix of a pool. */
export function peerMatrixOf(ps: readonly Participant[], config: MatchConfig = skillsOnly): CompatibilityMatrix {
  const { mode: _m, minScore: _s, ...scoring } = config;
  return buildPeerCompatibility(ps, scoring);
}

/** What a hand-built result is made of: pairs as [mentee, mentor, score] (peer mode: [peer, peer, score]). */
interface ResultSpec {
  pairs?: readonly (readonly [string, string, number])[];
  unmatched?: readonly Unmatched[];
  participants?: number;
  configHash?: string;
  breakdown?: (score: number) => MatchedPair['breakdown'];
}

/**
 * A hand-built result in the shape `match` returns for its mode: pairs as
 * [mentee, mentor, score], or peer pairs as [peer, peer, score] (`peerIds` kept in the
 * order given); `groups` only in group and peer mode; stats computed like `match`.
 */
export function resultOf(spec: ResultSpec & { mode: 'peer'; groups?: readonly PeerGroup[] }): PeerResult;
export function resultOf(spec: ResultSpec & { mode: 'group'; groups?: readonly MentorGroup[]; group?: GroupResult['group'] }): GroupResult;
export function resultOf(spec: ResultSpec & { mode?: PairsResult['mode'] }): PairsResult;
export function resultOf(spec: ResultSpec & { mode?: MatchMode; groups?: readonly AnyGroup[] }): MatchResult;
export function resultOf(spec: ResultSpec & { mode?: MatchMode; groups?: readonly AnyGroup[]; group?: GroupResult['group'] }): MatchResult {
  const mode = spec.mode ?? 'capacity';
  const details = (score: number) => ({ score, locked: false, essentialFit: true, concerns: [], breakdown: spec.breakdown ? spec.breakdown(score) : [] });
  const triples = spec.pairs ?? [];
  const unmatched = spec.unmatched ?? [];
  const groups = spec.groups ?? [];
  const ids = new Set<string>();
  for (const [a, b] of triples) (ids.add(a), ids.add(b));
  for (const g of groups) for (const x of [...('mentorId' in g ? [g.mentorId] : []), ...g.memberIds]) ids.add(x);
  const participants = spec.participants ?? ids.size + unmatched.length;
  const scores = triples.map(([, , score]) => score);
  const base = {
    unmatched,
    stats: {
      participants,
      matched: participants - unmatched.length,
      unmatched: unmatched.length,
      pairs: triples.length,
      meanScore: scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : 0,
      lowestScore: scores.length ? Math.min(...scores) : 0,
      totalScore: scores.reduce((a, b) => a + b, 0),
    },
    objective: { name: 'best-total', value: 0 },
    tiers: ['matched', 'essential-fit'],
    search: { exact: true, converged: true, moves: 0 },
    configHash: spec.configHash ?? '0000000000000000',
  } as const;
  if (mode === 'peer') {
    const pairs: PeerPair[] = triples.map(([a, b, score]) => ({ peerIds: [a, b], ...details(score) }));
    return { mode, pairs, groups: groups as readonly PeerGroup[], ...base };
  }
  const pairs: MatchedPair[] = triples.map(([menteeId, mentorId, score]) => ({ menteeId, mentorId, ...details(score) }));
  if (mode === 'group') return { mode, pairs, groups: groups as readonly MentorGroup[], group: spec.group ?? { minSize: 2, maxSize: undefined }, ...base };
  return { mode, pairs, ...base };
}

export const unmatchedMentee = (id: string, code: UnmatchedCode = 'no-capacity'): Unmatched => ({ id, role: 'mentee', reason: { code, message: `${code} message` } });
export const unmatchedMentor = (id: string, code: UnmatchedCode = 'not-needed'): Unmatched => ({ id, role: 'mentor', reason: { code, message: `${code} message` } });
export const unmatchedPeer = (id: string, code: UnmatchedCode = 'odd-one-out'): Unmatched => ({ id, role: 'peer', reason: { code, message: `${code} message` } });

/** A plain matrix object for the stability audit (scores in [0, 1], row-major). */
export function plainMatrix(rowIds: string[], colIds: string[], scores: number[][], forbidden?: number[][], kind: 'bipartite' | 'peer' = 'bipartite'): StabilityMatrix {
  return {
    kind,
    rows: rowIds.length,
    cols: colIds.length,
    rowIds,
    colIds,
    scores: Float64Array.from(scores.flat()),
    forbidden: Uint8Array.from(forbidden ? forbidden.flat() : scores.flat().map(() => 0)),
  };
}
