/**
 * Fuzzing the command line (issue 12, "Done means"): `mentor-match match` on random CSV
 * bytes and mutated valid cohorts (cells replaced by hostile strings, control characters,
 * huge numbers, stray quotes, BOMs, NULs, truncation) with random config JSON (known and
 * unknown keys, wrong types, huge numbers, invalid JSON) and random flags, writing
 * `--out`, `--json` and `--report`. Every run must:
 *
 * - exit with a documented code (EXIT, never 1 "unexpected error");
 * - print no stack trace and no plain JS error (`    at `, TypeError, RangeError);
 * - leave its input files byte for byte as they were;
 * - leave its outputs all complete (the pairs CSV with its header, parseable JSON, a whole
 *   HTML report) on exit 0, or else as they were before the run (absent, or the old
 *   files), with no temporary file (`.tmp`) left.
 *
 * The main property runs in-process (`runCli`, as dist/cli.js does, ~50× faster than a
 * spawn); a smaller one spawns the built binary. Seeds are fixed (override with
 * FUZZ_SEED, FUZZ_RUNS for a longer local run; FUZZ_VERBOSE=1 prints the exit codes
 * reached); fast-check prints the seed and the shrunk counterexample of a failure.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { EXIT } from '../../src/cli/exit-codes.js';
import { MATCHES_CSV_COLUMNS } from '../../src/io/csv/write-matches.js';
import { STACK_TRACE, runInProcess, sandbox, type CliRun, type Sandbox } from '../_helpers/cli-sandbox.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20_241_212);
const RUNS = Number(process.env.FUZZ_RUNS ?? 40);

/** The documented exit codes a run may end with (1 is "a bug: please report it"). */
const ALLOWED_EXITS: ReadonlySet<number> = new Set(Object.values(EXIT).filter((c) => c !== EXIT.internal));

// ---------------------------------------------------------------- the cohort CSV

/** true once in `k` runs. */
const oneIn = (k: number): fc.Arbitrary<boolean> => fc.nat({ max: k - 1 }).map((x) => x === 0);
/** A value once in `k` runs, else undefined. */
const sometimes = <T>(arb: fc.Arbitrary<T>, k: number): fc.Arbitrary<T | undefined> => fc.oneof({ weight: k - 1, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: arb });

const VALID = [
  'id,name,role,department,location,manager_id,seniority,time_zone,languages,skills_offered,skills_wanted,goals,interests,availability,capacity,min_capacity,max_mentors,openness,attr:site,attr:gender',
  'm1,Ana Silva,mentor,eng,Lisbon,,5,Europe/Lisbon,English; pt,python:5; sql:4,,lead,chess,Mon 09:00-11:00,2,,,70,hq,f',
  'm2,Ben Okafor,mentor,sales,Lagos,,Senior,Africa/Lagos,English,negotiation:5,,grow; sell,football,Tue 14:00-15:00,1,1,,40,remote,m',
  'm3,Cara Diaz,mentor;mentee,ops,Paris,m1,3,Europe/Paris,fr; en,sql:3,python:2,lead,yoga,Wed 10:00-12:00,1,,1,55,hq,f',
  'e1,Chen Li,mentee,eng,Shanghai,m2,1,Asia/Shanghai,English,,python:3,lead,chess,Mon 09:00-10:00,,,2,60,hq,m',
  'e2,Dana Cohen,mentee,ops,Tel Aviv,,2,Asia/Jerusalem,English,,negotiation:4,sell,yoga,Fri 13:30-14:30,,,,35,remote,f',
  'e3,Émile Roux,mentee,ops,Paris,m3,1,Europe/Paris,fr,,sql:2,grow,football,Wed 10:00-11:00,,,,80,hq,m',
];

/** Strings a hostile or unlucky export puts in a cell. */
const HOSTILE = [
  '=HYPERLINK("http://x/?"&A1,"x")',
  '@SUM(1+1)',
  '+1',
  '-2+3',
  '\t=1+1',
  '\u001b]0;PWNED\u0007',
  '\u001b[2J',
  '\u202e',
  '\u200b',
  'Jose\u0301',
  'Jos\u00e9',
  'ANA',
  '__proto__',
  'constructor',
  'toString',
  '4294967296',
  '4294967297',
  '2147483648',
  '-1',
  '1e308',
  '-1e308',
  '9007199254740993',
  'NaN',
  'Infinity',
  '0x10',
  '"',
  '""',
  '"a""b"',
  '\u0000',
  '\uFEFF',
  '\uFFFD',
  '\ud800',
  '\r',
  '\n',
  '\r\n',
  ',',
  ';;;',
  ':',
  'python:99',
  'python:-1',
  'mentor;mentee',
  'both',
  'peer',
  'nobody',
  'Mars/Base',
  'Mon 25:00-26:00',
  'm1',
  'e1',
  '',
  'x'.repeat(3000),
];

const cell: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...HOSTILE) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c)), maxLength: 4 }) },
  { weight: 1, arbitrary: fc.oneof(fc.double(), fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n })).map(String) },
  { weight: 1, arbitrary: fc.string({ maxLength: 6 }).map((s) => `"${s}`) },
);

/** A valid cohort with cells replaced, written raw (a replacement may break the quoting). */
const mutatedCohort: fc.Arbitrary<Uint8Array> = fc
  .record({
    // Rows 1– mostly; the header now and then.
    edits: fc.array(fc.tuple(fc.oneof({ weight: 8, arbitrary: fc.integer({ min: 1, max: VALID.length - 1 }) }, { weight: 1, arbitrary: fc.constant(0) }), fc.nat({ max: 19 }), cell), { minLength: 1, maxLength: 4 }),
    quoteEdits: oneIn(3).map((b) => !b), // quoted 2 times in 3
    crlf: fc.boolean(),
    bom: fc.constantFrom('', '', '', '\uFEFF', '\uFEFF\uFEFF'),
    nulAt: sometimes(fc.nat(), 5),
    cutAt: sometimes(fc.nat(), 5),
    dropLine: sometimes(fc.nat({ max: VALID.length - 1 }), 5),
    encoding: fc.oneof({ weight: 8, arbitrary: fc.constant('utf8') }, { weight: 1, arbitrary: fc.constantFrom('utf16le', 'latin1') }),
  })
  .map((m) => {
    const rows = VALID.map((line) => line.split(','));
    for (const [r, c, value] of m.edits) {
      const row = rows[r]!;
      row[c % row.length] = m.quoteEdits ? `"${value.replaceAll('"', '""')}"` : value;
    }
    let lines = rows.map((row) => row.join(','));
    if (m.dropLine !== undefined) lines = lines.filter((_, k) => k !== m.dropLine);
    let text = m.bom + lines.join(m.crlf ? '\r\n' : '\n');
    if (m.nulAt !== undefined) text = `${text.slice(0, m.nulAt % (text.length + 1))}\u0000${text.slice(m.nulAt % (text.length + 1))}`;
    if (m.cutAt !== undefined) text = text.slice(0, m.cutAt % (text.length + 1));
    return new Uint8Array(Buffer.from(text, m.encoding as BufferEncoding));
  });

const cohortBytes: fc.Arbitrary<Uint8Array> = fc.oneof(
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 400 }) },
  { weight: 1, arbitrary: fc.array(fc.constantFrom(...'id,role\nm1,mentor\n"\r\u0000;\t'.split('')), { maxLength: 200 }).map((cs) => new Uint8Array(Buffer.from(cs.join('')))) },
  { weight: 6, arbitrary: mutatedCohort },
);

// ---------------------------------------------------------------- the config JSON

const IDS = ['m1', 'm2', 'm3', 'e1', 'e2', 'e3', 'nobody', 'Jose\u0301', '', '__proto__'];
const id = fc.constantFrom(...IDS);
const HUGE = ['1e308', '-1e308', '1e400', '4294967296', '2147483648', '9007199254740993', '-0', '0.000001', '1e-320'];

/** JSON text of a value: anything, a huge number written raw, or a plausible value of a known key. */
const anyJson: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v) ?? 'null') },
  { weight: 2, arbitrary: fc.constantFrom(...HUGE) },
);
const weightsJson = fc
  .array(fc.tuple(fc.constantFrom('skills', 'goals', 'interests', 'availability', 'timeZone', 'languages', 'department', 'seniority', 'skils', '__proto__'), fc.oneof(fc.constantFrom('0', '1', '3', '"high"', '"must"', '-1', '"x"'), fc.constantFrom(...HUGE))), { maxLength: 4 })
  .map((es) => `{${es.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`);
const pairJson = fc.tuple(id, id).map((p) => JSON.stringify(p));
const KNOWN: Record<string, fc.Arbitrary<string>> = {
  mode: fc.constantFrom('"one-to-one"', '"capacity"', '"group"', '"peer"', '"reverse"', '"nope"', '3'),
  objective: fc.constantFrom('"best-total"', '"most-matched"', '"fairness"', '"best"'),
  minScore: fc.oneof(fc.integer({ min: -10, max: 110 }).map(String), fc.constantFrom(...HUGE)),
  weights: weightsJson,
  group: fc.record({ minSize: fc.constantFrom('1', '2', '0', '2147483648', '"2"'), maxSize: fc.constantFrom('3', '1', '4294967296', '-1') }).map((g) => `{"minSize":${g.minSize},"maxSize":${g.maxSize}}`),
  peer: fc.constantFrom('{"odd":"trio"}', '{"circleSize":3}', '{"circleSize":2147483648}', '{"odd":1}'),
  locked: fc.array(pairJson, { maxLength: 3 }).map((ps) => `[${ps.join(',')}]`),
  excludedPartners: fc.array(pairJson, { maxLength: 3 }).map((ps) => `[${ps.join(',')}]`),
  quotas: fc.constantFrom('[{"attribute":"site","value":"hq","max":1}]', '[{"attribute":"site","value":"hq","max":4294967296}]', '[{"attribute":"site"}]', '[]'),
  priority: fc.array(id, { maxLength: 3 }).map((ids) => JSON.stringify(ids)),
  rules: fc.constantFrom('{"differentDepartment":true}', '{"requiredPairs":[["e1","m1"]]}', '{"bannedPairs":[["e1","m1"]],"sharedLanguage":true}', '{"maxTimeZoneGapHours":-1}', '{"x":1}'),
  memoryLimit: fc.constantFrom('1', '1000000000', '0', '-5', '1e308'),
  tiers: fc.constantFrom('["matched"]', '[]', '["essential-fit","matched"]', '["x"]'),
};
const configEntry = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...Object.keys(KNOWN)).chain((k) => fc.tuple(fc.constant(k), fc.oneof({ weight: 3, arbitrary: KNOWN[k]! }, { weight: 1, arbitrary: anyJson }))) },
  { weight: 1, arbitrary: fc.tuple(fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype', 'skils', 'Mode', ''), fc.string({ maxLength: 8 })), anyJson) },
);
const configJson: fc.Arbitrary<Uint8Array> = fc.oneof(
  { weight: 6, arbitrary: fc.array(configEntry, { maxLength: 5 }).map((es) => `{${es.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`) },
  { weight: 1, arbitrary: anyJson },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.constantFrom(`{"rules":${'['.repeat(20_000)}${']'.repeat(20_000)}}`, '{"weights":{"skills":1e308,"goals":8e307}}', '{"__proto__":{"mode":"peer"}}', '{', '') },
).map((text) => new Uint8Array(Buffer.from(text)));

// ---------------------------------------------------------------- a run

const flags: fc.Arbitrary<string[]> = fc
  .record({
    mode: sometimes(fc.constantFrom('one-to-one', 'capacity', 'group', 'peer', 'reverse'), 2),
    objective: sometimes(fc.constantFrom('best-total', 'most-matched', 'fairness'), 2),
    minScore: sometimes(fc.constantFrom('0', '30', '100', '-1', 'x'), 6),
    strict: oneIn(5),
    audits: oneIn(4).map((b) => !b),
    fairnessBy: sometimes(fc.constantFrom('site', 'gender,site', 'nope', '__proto__'), 4),
    escape: oneIn(4).map((b) => !b),
  })
  .map((f) => [
    ...(f.mode ? ['--mode', f.mode] : []),
    ...(f.objective ? ['--objective', f.objective] : []),
    ...(f.minScore ? ['--min-score', f.minScore] : []),
    ...(f.strict ? ['--strict'] : []),
    ...(f.audits ? [] : ['--no-audits']),
    ...(f.fairnessBy ? ['--fairness-by', f.fairnessBy] : []),
    ...(f.escape ? [] : ['--no-escape-formulas']),
  ]);

interface Case {
  readonly cohort: Uint8Array;
  readonly config: Uint8Array | undefined;
  readonly flags: readonly string[];
  /** Outputs already there from an earlier run (they must survive a failed run). */
  readonly previous: boolean;
}
const fuzzCase: fc.Arbitrary<Case> = fc.record({
  cohort: cohortBytes,
  config: fc.option(configJson, { nil: undefined, freq: 2 }), // half the runs
  flags,
  previous: fc.boolean(),
});

const OUTPUTS = { out: 'out/matches.csv', json: 'out/result.json', report: 'out/report.html' } as const;
const OLD = (name: string): string => `old ${name}\n`;
const HEADER = `${MATCHES_CSV_COLUMNS.join(',')}\n`;

let box: Sandbox;
let n = 0;
beforeAll(() => {
  box = sandbox('mentor-match-fuzz-');
});
afterAll(() => box.remove());

/** Lays out a case in a folder of its own; returns the folder and the argument list (absolute paths). */
function layOut(c: Case): { dir: string; args: string[] } {
  const dir = box.path(`run-${n++}`);
  mkdirSync(join(dir, 'out'), { recursive: true });
  writeFileSync(join(dir, 'cohort.csv'), c.cohort);
  if (c.config) writeFileSync(join(dir, 'config.json'), c.config);
  if (c.previous) for (const name of Object.values(OUTPUTS)) writeFileSync(join(dir, name), OLD(name));
  const args = ['match', join(dir, 'cohort.csv'), '--out', join(dir, OUTPUTS.out), '--json', join(dir, OUTPUTS.json), '--report', join(dir, OUTPUTS.report), '--no-progress', ...(c.config ? ['--config', join(dir, 'config.json')] : []), ...c.flags];
  return { dir, args };
}

/** The invariants of every run (see the module comment). */
function check(c: Case, dir: string, r: CliRun): void {
  const what = `exit ${r.code}\n${r.err}`;
  expect(r.signal, what).toBeNull();
  expect(ALLOWED_EXITS.has(r.code!), what).toBe(true);
  expect(r.out + r.err, what).not.toMatch(STACK_TRACE);
  // Inputs unchanged, byte for byte.
  expect(Buffer.from(c.cohort).equals(readFileSync(join(dir, 'cohort.csv'))), 'cohort changed').toBe(true);
  if (c.config) expect(Buffer.from(c.config).equals(readFileSync(join(dir, 'config.json'))), 'config changed').toBe(true);
  // No temporary left.
  expect((readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.tmp')), what).toEqual([]);
  const paths = Object.values(OUTPUTS).map((name) => join(dir, name));
  if (r.code === EXIT.ok) {
    const [csv, json, html] = paths.map((p) => readFileSync(p, 'utf8'));
    expect(csv!.startsWith(HEADER), 'pairs CSV header').toBe(true);
    expect(() => JSON.parse(json!) as unknown, 'result JSON').not.toThrow();
    expect(html!.trimEnd().endsWith('</html>'), 'whole report').toBe(true);
  } else {
    Object.values(OUTPUTS).forEach((name, k) => {
      if (c.previous) expect(readFileSync(paths[k]!, 'utf8'), `${name} kept (${what})`).toBe(OLD(name));
      else expect(existsSync(paths[k]!), `${name} absent (${what})`).toBe(false);
    });
  }
}

describe('mentor-match match, fuzzed (random CSV bytes, mutated cohorts, random config JSON)', () => {
  it(`in-process runCli: ${RUNS} runs (seed ${SEED}) end with a documented exit code, no stack, inputs unchanged, outputs complete or as before`, async () => {
    const exits = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(fuzzCase, async (c) => {
        const { dir, args } = layOut(c);
        const r = await runInProcess(args);
        exits.set(r.code!, (exits.get(r.code!) ?? 0) + 1);
        check(c, dir, r);
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
    if (process.env.FUZZ_VERBOSE) console.log([...exits].sort());
    // The generators reach both the matching and the refusals.
    expect(exits.get(EXIT.ok) ?? 0, JSON.stringify([...exits])).toBeGreaterThan(0);
    expect([...exits.keys()].filter((k) => k !== EXIT.ok).length, JSON.stringify([...exits])).toBeGreaterThan(0);
  });

  it('the built binary (node dist/cli.js): 8 runs with the same invariants', () => {
    fc.assert(
      fc.property(fuzzCase, (c) => {
        const { dir, args } = layOut(c);
        check(c, dir, box.cli(args));
      }),
      { numRuns: 8, seed: SEED + 1, endOnFailure: true },
    );
  });
});
