/**
 * `mentor-match compare` and `compareResults` on result files that are broken or
 * hostile (issue 12, item 12): every problem is listed with the file and the field path,
 * exit 3, never a TypeError; results written by older versions (without concerns,
 * essentialFit, search, tiers) are still read.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { runCli } from '../../src/cli/program.js';
import { EXIT } from '../../src/cli/exit-codes.js';
import { compareResults, isMatchError, match, parseParticipants } from '../../src/index.js';
import { MAX_RESULT_ISSUES, resultIssues } from '../../src/match/result-schema.js';

const people = parseParticipants([
  { id: 'm1', roles: ['mentor'], skillsOffered: ['go'], capacity: 2 },
  { id: 'e1', roles: ['mentee'], skillsWanted: ['go'] },
  { id: 'e2', roles: ['mentee'], skillsWanted: ['go'] },
  { id: 'e3', roles: ['mentee'], skillsWanted: ['go'] },
]);
const capacity = match(people);
const peer = match(people, { mode: 'peer', peer: { odd: 'trio' } });
const group = match(people, { mode: 'group', group: { minSize: 1 } });

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mentor-match-compare-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, value: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value));
  return path;
}

async function compare(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  // compare draws no progress bar: a stream that is not a terminal.
  const progressStream = { isTTY: false, write: () => true } as unknown as NodeJS.WriteStream;
  const code = await runCli(['compare', ...args], { out: (l) => void out.push(l), err: (l) => void err.push(l), progressStream });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** A result as an older version wrote it: no concerns, essentialFit, locked, breakdown, search, tiers, objective. */
function older(r: typeof capacity): unknown {
  const { search: _s, tiers: _t, objective: _o, ...rest } = r;
  return { ...rest, pairs: r.pairs.map(({ menteeId, mentorId, score }) => ({ menteeId, mentorId, score })) };
}

describe('mentor-match compare a.json b.json on broken results', () => {
  it('the issue\'s case: {"pairs":[],"groups":[{"x":1}],…} in peer mode → exit 3 naming b.json and groups[0].memberIds', async () => {
    const a = file('a.json', peer);
    const b = file('b.json', { ...peer, pairs: [], groups: [{ x: 1 }] });
    const r = await compare(a, b);
    expect(r.code).toBe(EXIT.invalidInput);
    expect(r.err).toContain(`${b}: groups[0].memberIds: expected a list of ids; found nothing`);
    expect(r.err).toContain(`${b}: groups[0].score:`);
    expect(r.err).not.toMatch(/TypeError|unexpected error/);
  });

  it('every problem is listed (up to 20, then a count), not only the first', async () => {
    const a = file('a.json', capacity);
    const bad = { ...capacity, stats: 'x', configHash: 7, pairs: Array.from({ length: 30 }, (_, k) => ({ menteeId: k, mentorId: 'm1', score: 'high' })) };
    const r = await compare(a, file('many.json', bad));
    expect(r.code).toBe(EXIT.invalidInput);
    expect(r.err).toMatch(/found 6[0-9] problems/);
    expect(r.err).toContain('pairs[0].menteeId: expected an id (a string); found 0');
    expect(r.err).toContain('pairs[0].score: expected a score (a finite number); found "high"');
    expect(r.err).toMatch(/… and \d+ more/);
    expect(r.err.split('\n').filter((l) => l.startsWith('  - ') && l.includes('many.json: '))).toHaveLength(MAX_RESULT_ISSUES);
  });

  it('wrong mode, a result that is an array, a mentor group without mentorId, peerIds of one → exit 3 with the path', async () => {
    const a = file('a.json', capacity);
    const cases: [unknown, string][] = [
      [{ ...capacity, mode: 'pairs' }, "mode: expected one of 'one-to-one', 'capacity', 'reverse', 'group', 'peer'; found \"pairs\""],
      [[capacity], 'expected a result of match'],
      [{ ...group, groups: [{ memberIds: ['e1'], score: 1 }] }, 'groups[0].mentorId: expected an id (a string); found nothing'],
      [{ ...peer, pairs: [{ ...peer.pairs[0], peerIds: ['e1'] }] }, 'pairs[0].peerIds: expected two peer ids'],
      [{ ...capacity, unmatched: [{ id: 'e9', role: 'boss', reason: {} }] }, "unmatched[0].role: expected 'mentee', 'mentor' or 'peer'; found \"boss\""],
      [{ ...capacity, stats: { matched: 1 } }, 'stats.meanScore: expected a number; found nothing'],
    ];
    for (const [k, [value, expected]] of cases.entries()) {
      const r = await compare(a, file(`case${k}.json`, value));
      expect(r.code, r.err).toBe(EXIT.invalidInput);
      expect(r.err).toContain(expected);
    }
  });

  it('results written by older versions (no concerns, essentialFit, search, tiers, objective) are compared', async () => {
    const r = await compare(file('old.json', older(capacity)), file('new.json', capacity), '--json');
    expect(r.code, r.err).toBe(EXIT.ok);
    expect(JSON.parse(r.out)).toMatchObject({ sameConfig: true, added: [], removed: [] });
  });
});

describe('compareResults(a, b) validates its inputs', () => {
  it('a broken b is INVALID_INPUT naming b and the path, with every issue in details', () => {
    let e: unknown;
    try {
      compareResults(peer, { ...peer, pairs: [], groups: [{ x: 1 }] } as never);
    } catch (x) {
      e = x;
    }
    expect(isMatchError(e) && e.code).toBe('INVALID_INPUT');
    expect((e as Error).message).toContain('b.groups[0].memberIds: expected a list of ids; found nothing');
    expect((e as { details: { issues: string[] } }).details.issues.length).toBe(2);
  });

  it('reads an older result; resultIssues(…, complete) requires the newer fields', () => {
    expect(() => compareResults(older(capacity) as never, capacity)).not.toThrow();
    expect(resultIssues(older(capacity), false)).toEqual([]);
    expect(resultIssues(older(capacity), true)).toContain('search: expected the search status { exact, converged, moves }; found nothing');
    for (const r of [capacity, peer, group]) expect(resultIssues(JSON.parse(JSON.stringify(r)), true)).toEqual([]);
  });
});
