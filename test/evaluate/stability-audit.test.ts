import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stabilityAudit, type StabilityMatrix } from '../../src/evaluate/stability-audit.js';
import { match } from '../../src/match/match.js';
import type { MatchResult } from '../../src/match/types.js';
import { parseParticipants } from '../../src/profile/parse.js';
import { expectMatchError } from '../_helpers/expect-error.js';
import { cohort, matrixOf, mentees, mentors, peerMatrixOf, plainMatrix, resultOf, skillsOnly, unmatchedMentee, unmatchedMentor, unmatchedPeer } from './_cohort.js';

// Two mentees × two mentors:      m-1   m-2
//                          e-1    0.9   0.5
//                          e-2    0.8   0.1
const ids = { rows: ['e-1', 'e-2'], cols: ['m-1', 'm-2'] };
const small = plainMatrix(ids.rows, ids.cols, [
  [0.9, 0.5],
  [0.8, 0.1],
]);

describe('stabilityAudit(result, matrix): bipartite, hand-checked', () => {
  it('e-1–m-2, e-2–m-1: e-1 and m-1 prefer each other (90 > 50 and 90 > 80), gain 10', () => {
    const r = resultOf({ mode: 'one-to-one', pairs: [['e-1', 'm-2', 50], ['e-2', 'm-1', 80]] });
    const a = stabilityAudit(r, small);
    expect(a.stable).toBe(false);
    expect(a).toMatchObject({ kind: 'bipartite', blockingPairs: 1, menteesAffected: 1, mentorsAffected: 1, peopleAffected: 2 });
    expect(a.worst).toHaveLength(1);
    expect(a.worst[0]).toMatchObject({ menteeId: 'e-1', mentorId: 'm-1', menteeCurrent: 50, mentorCurrent: 80, mentorHasRoom: false });
    expect(a.worst[0].score).toBeCloseTo(90, 9);
    expect(a.worst[0].gain).toBeCloseTo(10, 9);
  });

  it('the other assignment (e-1–m-1, e-2–m-2) is stable', () => {
    const r = resultOf({ mode: 'one-to-one', pairs: [['e-1', 'm-1', 90], ['e-2', 'm-2', 10]] });
    expect(stabilityAudit(r, small)).toMatchObject({ blockingPairs: 0, stable: true, worst: [], peopleAffected: 0 });
  });

  it('a forbidden pair never blocks; nor does one below minScore', () => {
    const r = resultOf({ mode: 'one-to-one', pairs: [['e-1', 'm-2', 50], ['e-2', 'm-1', 80]] });
    const forbidden = plainMatrix(ids.rows, ids.cols, [[0.9, 0.5], [0.8, 0.1]], [[1, 0], [0, 0]]);
    expect(stabilityAudit(r, forbidden).stable).toBe(true);
    expect(stabilityAudit(r, small, { minScore: 95 }).stable).toBe(true);
    expect(stabilityAudit(r, small, { minScore: 90 }).stable).toBe(false);
  });

  it('an unmatched mentee blocks with a mentor who has room (the mentor has no mentee: room, even without participants)', () => {
    const r = resultOf({ pairs: [['e-1', 'm-1', 90]], unmatched: [unmatchedMentee('e-2'), unmatchedMentor('m-2')] });
    const a = stabilityAudit(r, small);
    expect(a.blockingPairs).toBe(1);
    expect(a.worst[0]).toMatchObject({ menteeId: 'e-2', mentorId: 'm-2', menteeCurrent: 0, menteeHasRoom: true, menteePartners: 0, mentorCurrent: 0, mentorHasRoom: true });
    expect(a.worst[0].gain).toBeCloseTo(10, 9);
  });

  it('room comes from participants: m-2 (capacity 2) with one mentee still has room; without participants it is taken as full', () => {
    const m = matrixOf(cohort); // e-1: 1, 0.5; e-2: 1, 1; e-3: 0, 0
    const r = resultOf({ pairs: [['e-1', 'm-1', 100], ['e-3', 'm-2', 0]], unmatched: [unmatchedMentee('e-2')] });
    const withCap = stabilityAudit(r, m, { participants: cohort });
    // e-2 (unmatched) prefers m-1 (100 > 0) but m-1 (capacity 1) has e-1 at 100: no.
    // e-2 and m-2 (100): m-2 has room → blocking.
    expect(withCap.blockingPairs).toBe(1);
    // The pair is also an essential fit e-2 lacks: 100 points for the fit, 100 for the score.
    expect(withCap.worst[0]).toMatchObject({ menteeId: 'e-2', mentorId: 'm-2', mentorHasRoom: true, score: 100, gain: 200 });
    expect(stabilityAudit(r, m, { participants: cohort, essentialFirst: false }).worst[0].gain).toBe(100);
    // Without participants m-2 counts as full; its weakest mentee (e-3, 0) is still beaten.
    const noCap = stabilityAudit(r, m);
    expect(noCap.worst[0]).toMatchObject({ menteeId: 'e-2', mentorId: 'm-2', mentorHasRoom: false, mentorCurrent: 0 });
  });

  it('a result from match() on the small cohort is stable; so are one-to-one and group results', () => {
    for (const mode of ['capacity', 'one-to-one', 'group'] as const) {
      const r = match(cohort, { ...skillsOnly, mode, ...(mode === 'group' ? { group: { minSize: 0 } } : {}) });
      expect(stabilityAudit(r, matrixOf(cohort), { participants: cohort }).stable).toBe(true);
    }
  });

  it('group mode: the mentor’s current score is their weakest group member', () => {
    const r = resultOf({ mode: 'group', pairs: [['e-2', 'm-1', 80]], groups: [{ mentorId: 'm-1', memberIds: ['e-2'], score: 80, concerns: [] }], unmatched: [unmatchedMentee('e-1', 'group-dissolved'), unmatchedMentor('m-2', 'group-dissolved')] });
    const a = stabilityAudit(r, small);
    // e-1 blocks with m-1 (90 > 80: m-1 full) and with m-2 (room, 50 > 0).
    expect(a.worst.map((b) => [b.mentorId, b.mentorCurrent, b.mentorHasRoom])).toEqual([
      ['m-2', 0, true],
      ['m-1', 80, false],
    ]);
  });

  it('a mentee allowed several mentors has room until the limit (capacity mode, participants given)', () => {
    const ppl = parseParticipants([
      { id: 'e-1', role: 'mentee', skillsWanted: 'a; b', maxMentors: 2 },
      { id: 'm-1', role: 'mentor', skillsOffered: 'a; b' },
      { id: 'm-2', role: 'mentor', skillsOffered: 'a' },
    ]);
    const r = resultOf({ pairs: [['e-1', 'm-1', 100]], unmatched: [unmatchedMentor('m-2')] });
    const m = matrixOf(ppl);
    expect(stabilityAudit(r, m, { participants: ppl }).worst[0]).toMatchObject({ menteeId: 'e-1', mentorId: 'm-2', menteeCurrent: 0, menteeHasRoom: true, menteePartners: 1 });
    // Taken as a one-mentor mentee (no participants), 50 < 100 does not block.
    expect(stabilityAudit(r, m).stable).toBe(true);
  });

  it('worst is sorted by gain, ties by ids, and cut at limit', () => {
    const m = plainMatrix(['a', 'b', 'c'], ['x', 'y'], [
      [0.5, 0.5],
      [0.5, 0.7],
      [0.5, 0.5],
    ]);
    const r = resultOf({ pairs: [], unmatched: ['a', 'b', 'c'].map((x) => unmatchedMentee(x)) });
    const a = stabilityAudit(r, m, { limit: 3 });
    expect(a.blockingPairs).toBe(6);
    expect(a.worst.map((b) => `${b.menteeId}-${b.mentorId}`)).toEqual(['b-y', 'a-x', 'a-y']);
    expect(stabilityAudit(r, m, { limit: 0 }).worst).toEqual([]);
  });

  it('rows and columns are found by id, in any order', () => {
    const flipped = plainMatrix(['e-2', 'e-1'], ['m-2', 'm-1'], [
      [0.1, 0.8],
      [0.5, 0.9],
    ]);
    const r = resultOf({ mode: 'one-to-one', pairs: [['e-1', 'm-2', 50], ['e-2', 'm-1', 80]] });
    expect(stabilityAudit(r, flipped)).toEqual(stabilityAudit(r, small));
  });

  it('empty result and empty matrix: stable', () => {
    expect(stabilityAudit(resultOf({}), plainMatrix([], [], []))).toMatchObject({ blockingPairs: 0, stable: true });
    expect(stabilityAudit(match([], skillsOnly), matrixOf([]))).toMatchObject({ blockingPairs: 0, stable: true });
  });

  it('throws INVALID_INPUT on a malformed matrix, a kind that does not fit the mode, an unknown id, a bad limit', () => {
    const r = resultOf({ mode: 'one-to-one', pairs: [['e-1', 'm-2', 50]] });
    expectMatchError(() => stabilityAudit(r, { ...small, scores: new Float64Array(3) }), 'INVALID_INPUT');
    expectMatchError(() => stabilityAudit(r, { ...small, kind: 'peer' }), 'INVALID_INPUT');
    expectMatchError(() => stabilityAudit(resultOf({ mode: 'peer' }), small), 'INVALID_INPUT');
    expectMatchError(() => stabilityAudit(resultOf({ pairs: [['e-9', 'm-1', 1]] }), small), 'INVALID_INPUT');
    expectMatchError(() => stabilityAudit(r, small, { limit: -1 }), 'INVALID_INPUT');
    expectMatchError(() => stabilityAudit(r, small, { limit: 1.5 }), 'INVALID_INPUT');
    expectMatchError(() => stabilityAudit(r, small, { minScore: 101 }), 'INVALID_INPUT');
  });
});

describe('stabilityAudit(result, matrix): peer mode (stable roommates)', () => {
  // a–b 0.2, c–d 0.2, a–c 0.9: a and c both prefer each other.
  const peers = ['a', 'b', 'c', 'd'];
  const S = [
    [0, 0.2, 0.9, 0.1],
    [0.2, 0, 0.1, 0.1],
    [0.9, 0.1, 0, 0.2],
    [0.1, 0.1, 0.2, 0],
  ];
  const m = plainMatrix(peers, peers, S, undefined, 'peer');

  it('finds a–c (both prefer each other to their partner), gain 70', () => {
    const r = resultOf({ mode: 'peer', pairs: [['a', 'b', 20], ['c', 'd', 20]] });
    const a = stabilityAudit(r, m);
    expect(a).toMatchObject({ kind: 'peer', blockingPairs: 1, menteesAffected: 2, mentorsAffected: 0, peopleAffected: 2 });
    expect(a.worst[0]).toMatchObject({ menteeId: 'a', mentorId: 'c', menteeCurrent: 20, mentorCurrent: 20, mentorHasRoom: false });
    expect(a.worst[0].gain).toBeCloseTo(70, 9);
  });

  it('pairing a–c, b–d is stable', () => {
    expect(stabilityAudit(resultOf({ mode: 'peer', pairs: [['a', 'c', 90], ['b', 'd', 10]] }), m).stable).toBe(true);
  });

  it('an unmatched peer has 0 and counts as room; a trio member has the mean of their scores in the trio', () => {
    const r = resultOf({ mode: 'peer', groups: [{ memberIds: ['a', 'b', 'c'], score: 40, concerns: [] }], unmatched: [unmatchedPeer('d')] });
    const a = stabilityAudit(r, m);
    // a: (0.2 + 0.9) / 2 = 0.55; b: 0.15; c: 0.55; d: 0. Blocking: b–d (0.1 > 0.15? no); c–d: 0.2 > 0.55? no. None.
    expect(a.stable).toBe(true);
    const m2 = plainMatrix(peers, peers, S.map((row, i) => row.map((x, j) => ((i === 1 && j === 3) || (i === 3 && j === 1) ? 0.5 : x))), undefined, 'peer');
    const b = stabilityAudit(r, m2);
    expect(b.blockingPairs).toBe(1);
    expect(b.worst[0]).toMatchObject({ menteeId: 'b', mentorId: 'd', mentorHasRoom: true, mentorCurrent: 0 });
    expect(b.worst[0].menteeCurrent).toBeCloseTo(15, 9);
  });

  it('a peer result from match() is audited against buildPeerCompatibility', () => {
    const pool = parseParticipants([
      { id: 'p1', role: 'peer', skillsWanted: 'go', skillsOffered: 'python' },
      { id: 'p2', role: 'peer', skillsWanted: 'python', skillsOffered: 'go' },
      { id: 'p3', role: 'peer', skillsWanted: 'go', skillsOffered: 'rust' },
      { id: 'p4', role: 'peer', skillsWanted: 'rust', skillsOffered: 'go' },
    ]);
    const r = match(pool, { ...skillsOnly, mode: 'peer' });
    const a = stabilityAudit(r, peerMatrixOf(pool));
    expect(a.kind).toBe('peer');
    expect(a.blockingPairs).toBeGreaterThanOrEqual(0);
    expect(a.stable).toBe(a.blockingPairs === 0);
  });
});

// --- property tests -------------------------------------------------------------------

interface Instance {
  R: number;
  C: number;
  scores: number[][];
  forbidden: number[][];
  cap: number[];
  maxMentors: number[];
  pairs: [number, number][];
}

/** Random instance with a random valid (capacity-respecting) assignment. */
const instance = fc
  .record({
    R: fc.integer({ min: 0, max: 5 }),
    C: fc.integer({ min: 0, max: 4 }),
    seed: fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 20, maxLength: 20 }),
    forbid: fc.array(fc.boolean(), { minLength: 20, maxLength: 20 }),
    cap: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 4, maxLength: 4 }),
    maxMentors: fc.array(fc.integer({ min: 1, max: 2 }), { minLength: 5, maxLength: 5 }),
    picks: fc.array(fc.integer({ min: -1, max: 3 }), { minLength: 10, maxLength: 10 }),
  })
  .map(({ R, C, seed, forbid, cap, maxMentors, picks }): Instance => {
    const scores = Array.from({ length: R }, (_, i) => Array.from({ length: C }, (_, j) => seed[(i * C + j) % 20] / 10));
    const forbidden = Array.from({ length: R }, (_, i) => Array.from({ length: C }, (_, j) => (forbid[(i * 7 + j * 3) % 20] && forbid[(i + j) % 20] ? 1 : 0)));
    const load = new Array(C).fill(0);
    const pairs: [number, number][] = [];
    for (let i = 0; i < R; i++) {
      for (let t = 0; t < maxMentors[i]; t++) {
        const j = picks[(2 * i + t) % 10];
        if (j < 0 || j >= C || forbidden[i][j] || load[j] >= cap[j] || pairs.some(([a, b]) => a === i && b === j)) continue;
        load[j]++;
        pairs.push([i, j]);
      }
    }
    return { R, C, scores, forbidden, cap: cap.slice(0, C), maxMentors: maxMentors.slice(0, R), pairs };
  });

function build(x: Instance, withParticipants: boolean) {
  const rowIds = Array.from({ length: x.R }, (_, i) => `e-${i}`);
  const colIds = Array.from({ length: x.C }, (_, j) => `m-${j}`);
  const participants = parseParticipants([
    ...rowIds.map((id, i) => ({ id, role: 'mentee', maxMentors: x.maxMentors[i] })),
    ...colIds.map((id, j) => ({ id, role: 'mentor', capacity: x.cap[j] })),
  ]);
  const used = new Set(x.pairs.flatMap(([i, j]) => [rowIds[i], colIds[j]]));
  const result = resultOf({
    mode: 'capacity',
    pairs: x.pairs.map(([i, j]) => [rowIds[i], colIds[j], 100 * x.scores[i][j]] as const),
    unmatched: [...rowIds.filter((id) => !used.has(id)).map((id) => unmatchedMentee(id)), ...colIds.filter((id) => !used.has(id)).map((id) => unmatchedMentor(id))],
  });
  const matrix = plainMatrix(rowIds, colIds, x.scores, x.forbidden);
  return { rowIds, colIds, participants: withParticipants ? participants : undefined, result, matrix };
}

/** The definition, pair by pair, written plainly. */
function bruteForce(x: Instance, withParticipants: boolean): string[] {
  const out: string[] = [];
  for (let i = 0; i < x.R; i++) {
    for (let j = 0; j < x.C; j++) {
      const s = x.scores[i][j];
      if (x.forbidden[i][j] || x.pairs.some(([a, b]) => a === i && b === j)) continue;
      const mine = x.pairs.filter(([a]) => a === i).map(([a, b]) => x.scores[a][b]);
      const theirs = x.pairs.filter(([, b]) => b === j).map(([a, b]) => x.scores[a][b]);
      const maxM = withParticipants ? x.maxMentors[i] : 1;
      const menteeWants = maxM > 1 ? (mine.length < maxM ? s > 0 : mine.some((t) => t < s)) : mine.every((t) => t < s) && s > 0;
      const cap = withParticipants ? x.cap[j] : theirs.length === 0 ? 1 : theirs.length;
      const mentorWants = theirs.length < cap ? s > 0 : theirs.some((t) => t < s);
      if (menteeWants && mentorWants) out.push(`e-${i}|m-${j}`);
    }
  }
  return out.sort();
}

/** Greedy by descending score within capacity: stable when scores are symmetric. */
function greedy(x: Instance): [number, number][] {
  const cells: [number, number][] = [];
  for (let i = 0; i < x.R; i++) for (let j = 0; j < x.C; j++) if (!x.forbidden[i][j]) cells.push([i, j]);
  cells.sort((p, q) => x.scores[q[0]][q[1]] - x.scores[p[0]][p[1]] || p[0] - q[0] || p[1] - q[1]);
  const rowUsed = new Array(x.R).fill(false);
  const load = new Array(x.C).fill(0);
  const pairs: [number, number][] = [];
  for (const [i, j] of cells) {
    if (rowUsed[i] || load[j] >= x.cap[j] || x.scores[i][j] === 0) continue;
    rowUsed[i] = true;
    load[j]++;
    pairs.push([i, j]);
  }
  return pairs;
}

describe('stabilityAudit(result, matrix): properties', () => {
  it('agrees with a brute-force check of the definition (with and without participants)', () => {
    fc.assert(
      fc.property(instance, fc.boolean(), (x, withParticipants) => {
        const b = build(x, withParticipants);
        const a = stabilityAudit(b.result, b.matrix, { participants: b.participants, limit: 1000 });
        const expected = bruteForce(x, withParticipants);
        expect(a.worst.map((p) => `${p.menteeId}|${p.mentorId}`).sort()).toEqual(expected);
        expect(a.blockingPairs).toBe(expected.length);
        expect(a.menteesAffected).toBe(new Set(expected.map((k) => k.split('|')[0])).size);
        expect(a.mentorsAffected).toBe(new Set(expected.map((k) => k.split('|')[1])).size);
        expect(a.stable).toBe(expected.length === 0);
        for (let k = 1; k < a.worst.length; k++) expect(a.worst[k].gain).toBeLessThanOrEqual(a.worst[k - 1].gain);
        // limit keeps the strongest
        const top = stabilityAudit(b.result, b.matrix, { participants: b.participants, limit: 2 });
        expect(top.worst).toEqual(a.worst.slice(0, 2));
      }),
      { numRuns: 300 },
    );
  });

  it('a greedy (descending score) assignment within capacity has no blocking pair', () => {
    fc.assert(
      fc.property(instance, (x0) => {
        const x = { ...x0, maxMentors: x0.maxMentors.map(() => 1), pairs: greedy(x0) };
        const b = build(x, true);
        expect(stabilityAudit(b.result, b.matrix, { participants: b.participants }).blockingPairs).toBe(0);
      }),
      { numRuns: 200 },
    );
  });

  it('a best-total one-to-one result from match() where every score is equal has no blocking pair', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 6 }), (nE, nM) => {
        const ppl = parseParticipants([
          ...Array.from({ length: nE }, (_, k) => ({ id: `e-${k}`, role: 'mentee', skillsWanted: 'go' })),
          ...Array.from({ length: nM }, (_, k) => ({ id: `m-${k}`, role: 'mentor', skillsOffered: 'go' })),
        ]);
        const r = match(ppl, { ...skillsOnly, mode: 'one-to-one' });
        const m = matrixOf(ppl);
        expect(new Set(m.scores).size).toBeLessThanOrEqual(1);
        expect(stabilityAudit(r, m, { participants: ppl }).stable).toBe(true);
        expect(stabilityAudit(r, m).stable).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('peer mode agrees with a brute-force check (pairs and at most one trio)', () => {
    const arb = fc.record({
      n: fc.integer({ min: 0, max: 7 }),
      seed: fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 49, maxLength: 49 }),
      order: fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 7, maxLength: 7 }),
      trio: fc.boolean(),
      leave: fc.integer({ min: 0, max: 3 }),
    });
    fc.assert(
      fc.property(arb, ({ n, seed, order, trio, leave }) => {
        const ids = Array.from({ length: n }, (_, k) => `p${k}`);
        const S = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 0 : seed[Math.min(i, j) * 7 + Math.max(i, j)] / 10)));
        const F = S.map((row, i) => row.map((_, j) => (i === j || seed[(i + j) % 49] === 3 ? 1 : 0)));
        const perm = ids.map((_, k) => k).sort((a, b) => order[a] - order[b] || a - b);
        const pairs: [number, number][] = [];
        let k = 0;
        const group: number[] = trio && n - k >= 3 ? perm.slice(0, 3) : [];
        k = group.length;
        const stop = Math.max(k, n - leave);
        for (; k + 1 < stop; k += 2) pairs.push([perm[k], perm[k + 1]]);
        const placed = new Set([...group, ...pairs.flat()]);
        const r = resultOf({
          mode: 'peer',
          pairs: pairs.map(([a, b]) => (a < b ? [ids[a], ids[b], 100 * S[a][b]] : [ids[b], ids[a], 100 * S[a][b]]) as [string, string, number]),
          groups: group.length ? [{ memberIds: group.map((x) => ids[x]), score: 0, concerns: [] }] : [],
          unmatched: ids.filter((_, x) => !placed.has(x)).map((id) => unmatchedPeer(id)),
        });
        const cur = (x: number): number => {
          const p = pairs.find(([a, b]) => a === x || b === x);
          if (p) return S[p[0]][p[1]];
          if (group.includes(x)) return group.filter((y) => y !== x).reduce((s, y) => s + S[x][y], 0) / 2;
          return 0;
        };
        const expected: string[] = [];
        for (let a = 0; a < n; a++) {
          for (let b = a + 1; b < n; b++) {
            const together = pairs.some(([u, v]) => (u === a && v === b) || (u === b && v === a)) || (group.includes(a) && group.includes(b));
            if (F[a][b] || together) continue;
            if (S[a][b] > cur(a) && S[a][b] > cur(b)) expected.push(`${ids[a]}|${ids[b]}`);
          }
        }
        const audit = stabilityAudit(r, plainMatrix(ids, ids, S, F, 'peer'), { limit: 100 });
        expect(audit.worst.map((p) => `${p.menteeId}|${p.mentorId}`).sort()).toEqual(expected.sort());
        expect(audit.peopleAffected).toBe(new Set(expected.flatMap((e) => e.split('|'))).size);
      }),
      { numRuns: 300 },
    );
  });

  it('handles a larger instance in one pass (greedy result → stable; a shuffled one is not)', () => {
    const R = 3000;
    const C = 600;
    let state = 12345;
    const rand = (): number => ((state = (state * 1103515245 + 12345) >>> 0) / 2 ** 32);
    const scores = new Float64Array(R * C).map(() => Math.round(rand() * 1000) / 1000);
    const rowIds = Array.from({ length: R }, (_, i) => `e-${String(i).padStart(5, '0')}`);
    const colIds = Array.from({ length: C }, (_, j) => `m-${String(j).padStart(4, '0')}`);
    const m: StabilityMatrix = { kind: 'bipartite', rows: R, cols: C, rowIds, colIds, scores, forbidden: new Uint8Array(R * C) };
    // capacity 5 each: greedy by descending score
    const order = Array.from({ length: R * C }, (_, k) => k).sort((a, b) => scores[b] - scores[a] || a - b);
    const used = new Uint8Array(R);
    const load = new Int32Array(C);
    const pairs: [string, string, number][] = [];
    for (const k of order) {
      const i = Math.floor(k / C);
      const j = k % C;
      if (used[i] || load[j] >= 5) continue;
      used[i] = 1;
      load[j]++;
      pairs.push([rowIds[i], colIds[j], 100 * scores[k]]);
    }
    const people = parseParticipants(colIds.map((id) => ({ id, role: 'mentor', capacity: 5 })).concat(rowIds.map((id) => ({ id, role: 'mentee', capacity: 1 }))));
    const result: MatchResult = resultOf({ pairs });
    expect(stabilityAudit(result, m, { participants: people }).stable).toBe(true);
    const shuffled = resultOf({ pairs: pairs.map(([e], t) => [e, pairs[(t * 7919) % pairs.length][1], 0] as [string, string, number]) });
    expect(stabilityAudit(shuffled, m, { participants: people }).blockingPairs).toBeGreaterThan(0);
  });
});

describe('stabilityAudit(result, matrix, { essentialFirst }): ranks as match does', () => {
  it('a higher-scoring pair without an essential fit does not block a pair that has one', async () => {
    const { match, matchWithMatrix } = await import('../../src/match/match.js');
    const { person } = await import('../score/_people.js');
    const e1 = person({ id: 'e1', wants: ['k8s'], goals: ['g'] });
    const sales = { ...person({ id: 'm1', roles: ['mentor'], offers: ['sales'], goals: ['g'] }), capacity: { max: 1, min: 0 } };
    const cloud = { ...person({ id: 'm2', roles: ['mentor'], offers: ['k8s'], goals: ['h'] }), capacity: { max: 1, min: 0 } };
    const people = [e1, sales, cloud];
    const config = { weights: { skills: 1, goals: 10 }, rules: { notOwnManager: false } };
    const { result, matrix } = matchWithMatrix(people, config);
    expect(result.pairs.map((p) => p.mentorId)).toEqual(['m2']);
    expect(matrix.score(0, 0)).toBeGreaterThan(matrix.score(0, 1));
    expect(stabilityAudit(result, matrix, { participants: people }).stable).toBe(true);
    // by scores alone, e1 and m1 (who has room) would block
    expect(stabilityAudit(result, matrix, { participants: people, essentialFirst: false }).blockingPairs).toBe(1);
    expect(match(people, { ...config, tiers: [] }).pairs.map((p) => p.mentorId)).toEqual(['m1']);
  });
});
