/**
 * The core imports nothing from Node (shared/DESIGN.md: "the core … imports no `node:`
 * module, so the same bundle runs in a browser, a worker or an edge function").
 *
 * - Every file under src/ except src/cli/ (the node-only command line, a later issue)
 *   and files named `*.node.ts` must not import a Node built-in, either as `node:x` or by
 *   its bare name (`fs`, `path`, `worker_threads`, …), nor use Node-only globals
 *   (`process`, `Buffer`, `__dirname`, …). Imports are read with TypeScript's own
 *   pre-processor, so comments and strings do not count.
 * - The built bundle dist/index.js (and dist/index.cjs) is scanned too when it exists;
 *   `npm run smoke` repeats that check after `npm run build` in .ci/run.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SRC = join(ROOT, 'src');
const BUILTINS = new Set(builtinModules.filter((m) => !m.startsWith('_')));
const NODE_GLOBALS = new Set(['process', 'Buffer', '__dirname', '__filename', 'require', 'module', 'global', 'setImmediate']);

/** True for `node:x`, `fs`, `fs/promises`, `path/posix`, … */
function isNodeBuiltin(spec: string): boolean {
  return spec.startsWith('node:') || BUILTINS.has(spec) || BUILTINS.has(spec.split('/')[0]);
}

/** Core source files: every .ts/.mts/.cts/.js/.mjs/.cjs under src/, minus src/cli/ and *.node.ts. */
function coreFiles(dir = SRC): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (relative(SRC, p) === 'cli') continue;
      out.push(...coreFiles(p));
    } else if (/\.(?:[cm]?ts|[cm]?js|tsx)$/.test(entry.name) && !/\.node\.[cm]?ts$/.test(entry.name)) {
      out.push(p);
    }
  }
  return out.sort();
}

/** Module specifiers of imports, exports, `import()` and `require()` in `source`. */
function importedModules(source: string): string[] {
  return ts.preProcessFile(source, true, true).importedFiles.map((f) => f.fileName);
}

/** Free references to Node-only globals (`process.env`, `Buffer.from`, …), with line numbers. */
function nodeGlobals(file: string, source: string): string[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && NODE_GLOBALS.has(node.text)) {
      const p = node.parent;
      const isMemberName =
        (ts.isPropertyAccessExpression(p) && p.name === node) ||
        (ts.isPropertyAssignment(p) && p.name === node) ||
        (ts.isPropertySignature(p) && p.name === node) ||
        (ts.isPropertyDeclaration(p) && p.name === node) ||
        (ts.isMethodDeclaration(p) && p.name === node) ||
        (ts.isParameter(p) && p.name === node) ||
        (ts.isVariableDeclaration(p) && p.name === node) ||
        ts.isQualifiedName(p);
      if (!isMemberName) found.push(`${node.text} (line ${sf.getLineAndCharacterOfPosition(node.getStart()).line + 1})`);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

const rel = (p: string): string => relative(ROOT, p).split(sep).join('/');

describe('the core (src/ minus src/cli/ and *.node.ts) imports nothing from Node', () => {
  const files = coreFiles();

  it('finds the core files (src/index.ts and the solvers)', () => {
    expect(files.map(rel)).toEqual(expect.arrayContaining(['src/index.ts', 'src/solve/lsap.ts', 'src/solve/capacitated.ts', 'src/solve/blossom.ts']));
  });

  it('the import scanner sees node:, bare built-ins, subpaths, import() and require()', () => {
    const src = `import a from 'node:fs';\nimport type { B } from "os";\nexport * from 'fs/promises';\nconst c = await import('path');\nconst d = require('worker_threads');\n// import e from 'crypto'\nconst s = "import f from 'child_process'";\nimport g from './local.js';`;
    expect(importedModules(src).filter(isNodeBuiltin)).toEqual(['node:fs', 'os', 'fs/promises', 'path', 'worker_threads']);
    expect(nodeGlobals('x.ts', 'const a = process.env.X; const o = { process: 1 }; o.process; Buffer.from("");')).toEqual([
      'process (line 1)',
      'Buffer (line 1)',
    ]);
  });

  it.each(files.map((f) => [rel(f), f]))('%s imports no Node built-in module', (_, file) => {
    const bad = importedModules(readFileSync(file, 'utf8')).filter(isNodeBuiltin);
    expect(bad, `${rel(file)} imports Node built-ins: ${bad.join(', ')} (move Node-only code to src/cli/ or a *.node.ts file)`).toEqual([]);
  });

  it.each(files.map((f) => [rel(f), f]))('%s uses no Node-only global', (_, file) => {
    const bad = nodeGlobals(file, readFileSync(file, 'utf8'));
    expect(bad, `${rel(file)} uses Node-only globals: ${bad.join(', ')}`).toEqual([]);
  });
});

describe('the built bundle (dist/) imports nothing from Node', () => {
  for (const name of ['index.js', 'index.cjs']) {
    const file = join(ROOT, 'dist', name);
    const built = existsSync(file);
    const note = built ? '' : ' (skipped: not built yet; run `npm run build`, .ci/run builds first and `npm run smoke` scans it too)';
    it.skipIf(!built)(`dist/${name} imports no Node built-in module${note}`, () => {
      const bad = importedModules(readFileSync(file, 'utf8')).filter(isNodeBuiltin);
      expect(bad, `dist/${name} imports Node built-ins: ${bad.join(', ')}`).toEqual([]);
    });
  }
});
