/**
 * README.md runs as written, against the built package (dist/, built by the global setup
 * test/cli/build-cli.ts), so that no sample and no pasted output drifts from what ships:
 *
 * - every ```ts and ```js block runs in its own Node process (`node --import tsx` for ts;
 *   a js block that uses require() runs as CommonJS), from a folder inside the repository
 *   (test/.readme-run/, removed afterwards), so `mentor-match` and its subpaths (`/csv`,
 *   `/solve`, `/node`, `/report`, `/calibrate`) resolve through the package's own
 *   "exports" (self-reference) to dist/. That folder links `examples/` to the repository's,
 *   so a sample reads `examples/data/cohort.csv` as it would from a clone, and writes its
 *   files (report.html, matches.csv, …) into the folder, not the repository;
 * - a block followed by "Output:" and a ```text block prints exactly that text; any other
 *   block must exit 0;
 * - a ```sh block followed by a ```text block is a command-line excerpt: its commands run
 *   with the built CLI (dist/cli.js; `npm run <script>` is the package.json script, with
 *   `tsx src/cli/bin.ts` replaced by dist/cli.js) and the text must match what they print
 *   (see matchesExcerpt: `…` lines stand for lines left out);
 * - every other ```text block is a pasted output too, and must be marked.
 *
 * Markers: an HTML comment just before a block, `<!-- readme-test: KIND[: why] -->`.
 * - `continues` (ts/js): the block continues the earlier ts/js block(s) of its section,
 *   which are run before it in the same file;
 * - `signature` (ts): the block is a type signature, not a program; each function it
 *   declares must be a function exported by the built package;
 * - `typecheck-only: why` (ts): running is impossible (say why); the block is type-checked
 *   with tsc instead, `mentor-match…` resolving to src/;
 * - `output-of: COMMAND` (text): the text is an excerpt of what COMMAND prints (run as a
 *   command-line excerpt, above);
 * - `not-checked: why` (text): the text is not an output that can be checked.
 * A block with none of these must run (or match); nothing is skipped silently: the first
 * test lists what runs and how.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** Where the samples run: inside the repository, for the package self-reference (gitignored). */
const RUN = join(ROOT, 'test', '.readme-run');
const CLI = join(ROOT, 'dist', 'cli.js');

type Lang = 'ts' | 'js' | 'sh' | 'text' | string;
interface Block {
  lang: Lang;
  code: string;
  /** 1-based line of the opening fence. */
  line: number;
  /** The nearest heading above the block. */
  section: string;
  /** `<!-- readme-test: kind: why -->` just before the block (blank lines between allowed). */
  marker?: { kind: string; note: string };
  /** The non-blank text between the previous block's closing fence and this block's opening one. */
  before: string;
}

/** Trailing spaces and a final newline do not count. */
const normalize = (s: string): string =>
  s
    .replace(/\r\n/g, '\n')
    .split('\n')
    .map((l) => l.trimEnd())
    .join('\n')
    .trimEnd();

/** Every fenced block of a Markdown text, with its section and marker. */
export function parseBlocks(markdown: string): Block[] {
  const lines = markdown.replace(/\r\n/g, '\n').split('\n');
  const blocks: Block[] = [];
  let section = '(top)';
  let between: string[] = [];
  for (let k = 0; k < lines.length; k++) {
    const open = /^```(\S*)\s*$/.exec(lines[k]);
    if (!open) {
      const heading = /^#{1,6} (.*)$/.exec(lines[k]);
      if (heading) section = heading[1].trim();
      between.push(lines[k]);
      continue;
    }
    const start = k;
    const body: string[] = [];
    for (k++; k < lines.length && !/^```\s*$/.test(lines[k]); k++) body.push(lines[k]);
    if (k >= lines.length) throw new Error(`README.md:${start + 1}: unclosed code block`);
    const before = between.join('\n').trim();
    const m = /<!--\s*readme-test:\s*([\w-]+)\s*(?::\s*([\s\S]*?))?\s*-->\s*$/.exec(before);
    blocks.push({
      lang: open[1],
      code: body.join('\n') + '\n',
      line: start + 1,
      section,
      before,
      ...(m ? { marker: { kind: m[1], note: (m[2] ?? '').trim() } } : {}),
    });
    between = [];
  }
  return blocks;
}

/**
 * Whether `actual` shows `excerpt`. Without a `…` line, the two must be equal. Each `…` line
 * (alone on its line) stands for any number of lines left out: the runs of lines between
 * them must appear in `actual` whole and in order; the first run must start the output
 * unless the excerpt starts with `…`, and the last run must end it unless the excerpt ends
 * with `…`. Trailing spaces and final newlines do not count. Returns null on a match, or
 * what did not match.
 */
export function matchesExcerpt(actual: string, excerpt: string): string | null {
  const out = normalize(actual).split('\n');
  const ex = normalize(excerpt).split('\n');
  const isGap = (l: string) => l.trim() === '…';
  const runs: string[][] = [[]];
  for (const l of ex) {
    if (isGap(l)) runs.push([]);
    else runs[runs.length - 1].push(l);
  }
  const openStart = runs[0].length === 0;
  const openEnd = runs[runs.length - 1].length === 0;
  const wanted = runs.filter((r) => r.length > 0);
  if (wanted.length === 0) return 'the excerpt shows no line';
  let pos = 0;
  for (let r = 0; r < wanted.length; r++) {
    const run = wanted[r];
    const first = r === 0 && !openStart;
    const last = r === wanted.length - 1 && !openEnd;
    let found = -1;
    for (let at = pos; at + run.length <= out.length; at++) {
      if (first && at !== 0) break;
      if (run.every((l, i) => out[at + i] === l) && (!last || at + run.length === out.length)) {
        found = at;
        break;
      }
    }
    if (found < 0) {
      const where = first ? 'at the start of the output' : last ? 'at the end of the output' : `after line ${pos} of the output`;
      return `these lines do not appear together ${where}:\n${run.join('\n')}`;
    }
    pos = found + run.length;
  }
  return null;
}

/** The CLI invocations (arguments of dist/cli.js) that a shell command line of the README runs. */
export function cliInvocations(command: string, scripts: Record<string, string>): { run: string[][]; skipped: string[] } {
  const run: string[][] = [];
  const skipped: string[] = [];
  for (const raw of command.split('\n')) {
    const line = raw.replace(/(^|\s)#.*$/, '').trim();
    if (!line) continue;
    for (const part of line.split('&&').map((s) => s.trim())) {
      if (/['"`$\\|<>;]/.test(part)) throw new Error(`cannot run a shell command with quotes, variables or redirections: ${part}`);
      const words = part.split(/\s+/);
      const script = words[0] === 'npm' && words[1] === 'run' ? scripts[words[2]] : undefined;
      if (words[0] === 'npm' && words[1] === 'run' && script === undefined) throw new Error(`no npm script ${words[2]}`);
      const expanded = script !== undefined ? [...script.split(/\s+/), ...words.slice(3).filter((w) => w !== '--')] : words;
      if (expanded[0] === 'npx' && expanded[1] === 'mentor-match') run.push(expanded.slice(2));
      else if (expanded[0] === 'mentor-match') run.push(expanded.slice(1));
      else if (expanded[0] === 'tsx' && expanded[1] === 'src/cli/bin.ts') run.push(expanded.slice(2));
      else skipped.push(part);
    }
  }
  return { run, skipped };
}

const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const SCRIPTS: Record<string, string> = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts;
const BLOCKS = parseBlocks(README);

type Plan =
  | { what: 'run'; block: Block; code: string; file: 'sample.ts' | 'sample.mjs' | 'sample.cjs'; output?: Block }
  | { what: 'signature'; block: Block; names: string[] }
  | { what: 'typecheck'; block: Block; code: string }
  | { what: 'cli'; block: Block; command: string; output: Block }
  | { what: 'not-checked'; block: Block; why: string };

/** What the test does with each block; throws on a block it cannot place. */
function plan(blocks: Block[]): { plans: Plan[]; problems: string[] } {
  const plans: Plan[] = [];
  const problems: string[] = [];
  const usedTexts = new Set<Block>();
  const where = (b: Block) => `README.md:${b.line} (${b.section}, \`\`\`${b.lang})`;
  for (let k = 0; k < blocks.length; k++) {
    const b = blocks[k];
    const next = blocks[k + 1];
    const kind = b.marker?.kind;
    if (b.lang === 'ts' || b.lang === 'js') {
      const output = next && next.lang === 'text' && next.before === 'Output:' ? next : undefined;
      if (output) usedTexts.add(output);
      if (kind === 'signature') {
        const names = [...b.code.matchAll(/^([A-Za-z_$][\w$]*)\s*(?:<[^(]*>)?\(/gm)].map((m) => m[1]);
        if (names.length === 0) problems.push(`${where(b)}: marked signature, but declares no function`);
        plans.push({ what: 'signature', block: b, names });
        continue;
      }
      let code = b.code;
      if (kind === 'continues') {
        const earlier = blocks.slice(0, k).filter((e) => (e.lang === 'ts' || e.lang === 'js') && e.section === b.section && e.marker?.kind !== 'signature');
        if (earlier.length === 0) problems.push(`${where(b)}: marked continues, but no earlier ts/js block in its section`);
        // The earlier blocks' own outputs are not this block's: only the last block's prints are compared.
        code = [...earlier.map((e) => e.code), b.code].join('\n');
      } else if (kind === 'typecheck-only') {
        if (!b.marker?.note) problems.push(`${where(b)}: typecheck-only must say why the block cannot run`);
        plans.push({ what: 'typecheck', block: b, code });
        continue;
      } else if (kind !== undefined) {
        problems.push(`${where(b)}: unknown marker '${kind}' for a ${b.lang} block`);
        continue;
      }
      const file = b.lang === 'ts' ? 'sample.ts' : /\brequire\(/.test(code) && !/^\s*import\s/m.test(code) ? 'sample.cjs' : 'sample.mjs';
      plans.push({ what: 'run', block: b, code, file, ...(output ? { output } : {}) });
    } else if (b.lang === 'sh') {
      if (next && next.lang === 'text' && (next.before === '' || next.before === 'Output:') && !next.marker) {
        usedTexts.add(next);
        plans.push({ what: 'cli', block: b, command: b.code, output: next });
      }
    } else if (b.lang === 'text') {
      if (usedTexts.has(b)) continue;
      if (kind === 'output-of' && b.marker?.note) plans.push({ what: 'cli', block: b, command: b.marker.note, output: b });
      else if (kind === 'not-checked' && b.marker?.note) plans.push({ what: 'not-checked', block: b, why: b.marker.note });
      else problems.push(`${where(b)}: a pasted output that nothing checks: put it after "Output:" under its sample, right after its sh command, or mark it (output-of: COMMAND, or not-checked: why)`);
    } else if (kind !== undefined) {
      problems.push(`${where(b)}: marker '${kind}' on a ${b.lang} block, which the test does not run`);
    }
  }
  return { plans, problems };
}

const { plans: PLANS, problems: PROBLEMS } = plan(BLOCKS);
const title = (p: Plan, k: number) => `${String(k + 1).padStart(2, '0')} README.md:${p.block.line} ${p.block.section}`;

function runNode(args: string[], cwd: string): string {
  return execFileSync(process.execPath, args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 60_000,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
  });
}

/** A fresh folder under test/.readme-run/ with `examples` linked to the repository's. */
function sampleDir(name: string): string {
  const dir = join(RUN, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  symlinkSync(join(ROOT, 'examples'), join(dir, 'examples'), 'dir');
  return dir;
}

describe('matchesExcerpt', () => {
  const out = 'a\nb\nc\nd\ne\n';
  it('is equality without `…` lines (trailing spaces and final newlines aside)', () => {
    expect(matchesExcerpt(out, 'a  \nb\nc\nd\ne')).toBeNull();
    expect(matchesExcerpt(out, 'a\nb\nc\nd')).toMatch(/at the start/);
    expect(matchesExcerpt(out, 'b\nc\nd\ne')).toMatch(/at the start/);
  });
  it('matches the runs between `…` lines in order, each run whole', () => {
    expect(matchesExcerpt(out, 'a\nb\n…')).toBeNull();
    expect(matchesExcerpt(out, '…\nd\ne')).toBeNull();
    expect(matchesExcerpt(out, 'a\n…\nc\n…\ne')).toBeNull();
    expect(matchesExcerpt(out, '…\nb\nc\n…')).toBeNull();
    expect(matchesExcerpt(out, '  …\nc\n…')).toBeNull();
    expect(matchesExcerpt(out, '…\nb\nd\n…')).toMatch(/b\nd/); // a dropped line inside a run
    expect(matchesExcerpt(out, '…\nd\n…\nb\n…')).toMatch(/after line 4/); // out of order
    expect(matchesExcerpt(out, 'b\n…')).toMatch(/at the start/); // not anchored at the start
    expect(matchesExcerpt(out, '…\nd')).toMatch(/at the end/); // not anchored at the end
    expect(matchesExcerpt(out, '…\na…\n…')).not.toBeNull(); // `…` inside a line is text
    expect(matchesExcerpt(out, '…')).toMatch(/no line/);
  });
});

describe('cliInvocations', () => {
  const scripts = { demo: 'tsx src/cli/bin.ts match a.csv --out m.csv', build: 'tsup' };
  it('maps npx, npm run scripts and tsx src/cli/bin.ts to the CLI, and skips other commands', () => {
    expect(cliInvocations('npm ci && npm run demo   # note\nnpm test   # all\n', scripts)).toEqual({
      run: [['match', 'a.csv', '--out', 'm.csv']],
      skipped: ['npm ci', 'npm test'],
    });
    expect(cliInvocations('npx mentor-match calibrate h.csv --cohort c.csv', scripts).run).toEqual([['calibrate', 'h.csv', '--cohort', 'c.csv']]);
    expect(() => cliInvocations('npm run nope', scripts)).toThrow(/no npm script/);
    expect(() => cliInvocations("npx mentor-match match 'a b.csv'", scripts)).toThrow(/quotes/);
  });
});

describe('README.md runs as written, against the built package', () => {
  beforeAll(() => {
    rmSync(RUN, { recursive: true, force: true });
    mkdirSync(RUN, { recursive: true });
  });
  afterAll(() => rmSync(RUN, { recursive: true, force: true }));

  it('places every block: each ts/js block runs (or is marked), each pasted output is checked (or is marked)', () => {
    const list = PLANS.map((p, k) => {
      const b = p.block;
      switch (p.what) {
        case 'run':
          return `${title(p, k)}: run ${b.lang}${b.marker ? ` (${b.marker.kind})` : ''}${p.output ? `, output README.md:${p.output.line} compared exactly` : ', must exit 0'}`;
        case 'signature':
          return `${title(p, k)}: signature of ${p.names.join(', ')}: exported functions`;
        case 'typecheck':
          return `${title(p, k)}: type-checked only (${b.marker?.note})`;
        case 'cli':
          return `${title(p, k)}: command line \`${p.command.trim().split('\n').join(' ; ')}\`, output README.md:${p.output.line} matched as an excerpt`;
        case 'not-checked':
          return `${title(p, k)}: not checked (${p.why})`;
      }
    });
    console.log(`README.md blocks:\n${list.join('\n')}`);
    expect(PROBLEMS).toEqual([]);
    const codeBlocks = BLOCKS.filter((b) => b.lang === 'ts' || b.lang === 'js');
    expect(PLANS.filter((p) => p.what === 'run' || p.what === 'signature' || p.what === 'typecheck')).toHaveLength(codeBlocks.length);
  });

  const runs = PLANS.map((p, k) => [title(p, k), p, k] as const).filter(([, p]) => p.what === 'run');
  it.each(runs)('%s', (_, p, k) => {
    if (p.what !== 'run') return;
    const dir = sampleDir(String(k + 1).padStart(2, '0'));
    writeFileSync(join(dir, p.file), p.code);
    const args = p.file === 'sample.ts' ? ['--import', 'tsx', p.file] : [p.file];
    let stdout: string;
    try {
      stdout = runNode(args, dir);
    } catch (e) {
      const err = e as { stderr?: string; status?: number };
      throw new Error(`README.md:${p.block.line}: the sample failed (exit ${err.status}):\n${err.stderr ?? e}`);
    }
    if (p.output) expect(normalize(stdout)).toBe(normalize(p.output.code));
  });

  const signatures = PLANS.map((p, k) => [title(p, k), p] as const).filter(([, p]) => p.what === 'signature');
  it.each(signatures)('%s', async (_, p) => {
    if (p.what !== 'signature') return;
    const lib = (await import(pathToFileURL(join(ROOT, 'dist', 'index.js')).href)) as Record<string, unknown>;
    for (const name of p.names) expect(typeof lib[name], `${name} is a function of mentor-match`).toBe('function');
  });

  const typechecks = PLANS.filter((p) => p.what === 'typecheck');
  it.skipIf(typechecks.length === 0)(`type-checks the ${typechecks.length} typecheck-only block(s) with tsc`, () => {
    const dir = sampleDir('typecheck');
    const files = typechecks.map((p, k) => {
      const file = `block-${k + 1}.ts`;
      writeFileSync(join(dir, file), `export {};\n${p.what === 'typecheck' ? p.code : ''}`);
      return file;
    });
    const src = (f: string) => [join(ROOT, 'src', f)];
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        extends: join(ROOT, 'tsconfig.json'),
        compilerOptions: {
          noEmit: true,
          paths: { 'mentor-match': src('index.ts'), 'mentor-match/csv': src('csv.ts'), 'mentor-match/solve': src('solve.ts'), 'mentor-match/node': src('node.ts') },
        },
        include: files,
      }),
    );
    try {
      runNode([join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(dir, 'tsconfig.json')], dir);
    } catch (e) {
      throw new Error(`tsc on the typecheck-only blocks (${typechecks.map((p) => `README.md:${p.block.line}`).join(', ')}):\n${(e as { stdout?: string }).stdout ?? e}`);
    }
  });

  const clis = PLANS.map((p, k) => [title(p, k), p, k] as const).filter(([, p]) => p.what === 'cli');
  it.each(clis)('%s', (_, p, k) => {
    if (p.what !== 'cli') return;
    const { run } = cliInvocations(p.command, SCRIPTS);
    expect(run.length, `\`${p.command.trim()}\` runs the command line`).toBeGreaterThan(0);
    const dir = sampleDir(String(k + 1).padStart(2, '0'));
    let stdout = '';
    for (const args of run) {
      try {
        stdout += runNode([CLI, ...args], dir);
      } catch (e) {
        const err = e as { stderr?: string; status?: number };
        throw new Error(`mentor-match ${args.join(' ')}: exit ${err.status}:\n${err.stderr ?? e}`);
      }
    }
    const mismatch = matchesExcerpt(stdout, p.output.code);
    expect(mismatch, `README.md:${p.output.line} against the output of \`${run.map((a) => `mentor-match ${a.join(' ')}`).join(' && ')}\`:\n${stdout}`).toBeNull();
  });
});
