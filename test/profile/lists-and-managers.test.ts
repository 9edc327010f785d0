/**
 * Two HR-export habits the profile parser reads and reports: list cells written with
 * commas (`Kubernetes, Go`: split at the commas, with a `comma_separated_list` warning,
 * never one silent tag), and managers named by e-mail (`managerId` equal to a
 * participant's `email` becomes that participant's id, so the reporting-line rule applies).
 */
import { describe, expect, it } from 'vitest';

import { parseParticipants, safeParseParticipants } from '../../src/profile/parse.js';
import { buildCompatibility } from '../../src/score/matrix.js';

function parsed(input: unknown[]) {
  const r = safeParseParticipants(input);
  if (!r.success) return expect.fail(r.issues.map((i) => i.message).join('\n'));
  return r;
}

describe('list fields: a string with commas and no `;`', () => {
  it('`Kubernetes, Go` is two skills and a comma_separated_list warning naming participant, field and the items', () => {
    const r = parsed([{ id: 'm1', role: 'mentor', skillsOffered: 'Kubernetes, Go' }]);
    expect(r.data[0]!.skillsOffered).toEqual([{ name: 'kubernetes', level: undefined }, { name: 'go', level: undefined }]);
    expect(r.warnings).toHaveLength(1);
    const w = r.warnings[0]!;
    expect(w).toMatchObject({ severity: 'warning', code: 'comma_separated_list', participant: 'm1', index: 0, field: 'skillsOffered', found: '"Kubernetes, Go"' });
    expect(w.outcome).toContain('read as 2 items');
    expect(w.outcome).toContain("';'");
    expect(w.message).toMatch(/^participant "m1" \(index 0\), field skillsOffered: .*read as 2 items \("Kubernetes", "Go"\).*\[comma_separated_list\]$/);
  });

  it('skills keep their `name:level` syntax after the split', () => {
    const r = parsed([{ id: 'm1', role: 'mentor', skillsOffered: 'python:5, sql:3,go' }]);
    expect(r.data[0]!.skillsOffered).toEqual([{ name: 'python', level: 5 }, { name: 'sql', level: 3 }, { name: 'go', level: undefined }]);
    expect(r.warnings[0]!.outcome).toContain('read as 3 items');
  });

  it.each([
    ['skillsWanted', 'Rust, Go', (p: ReturnType<typeof parseParticipants>[number]) => p.skillsWanted.map((s) => s.name), ['rust', 'go']],
    ['goals', 'leadership, promotion', (p: ReturnType<typeof parseParticipants>[number]) => p.goals, ['leadership', 'promotion']],
    ['interests', 'chess,hiking', (p: ReturnType<typeof parseParticipants>[number]) => p.interests, ['chess', 'hiking']],
    ['languages', 'Englisch, Deutsch', (p: ReturnType<typeof parseParticipants>[number]) => p.languages, ['english', 'german']],
    ['roles', 'mentor, mentee', (p: ReturnType<typeof parseParticipants>[number]) => p.roles, ['mentor', 'mentee']],
  ] as const)('%s: %j is split at the commas with a warning', (field, value, get, want) => {
    const r = parsed([{ id: 'a', ...(field === 'roles' ? {} : { role: 'mentor' }), [field]: value }]);
    expect(get(r.data[0]!)).toEqual(want);
    expect(r.warnings.map((w) => [w.code, w.field])).toEqual([['comma_separated_list', field === 'roles' ? 'roles' : field]]);
  });

  it('availability with commas is split too', () => {
    const r = parsed([{ id: 'a', role: 'mentor', tz: 'UTC', availability: 'Mon 09:00-10:00, Wed 14:00-15:00' }]);
    expect(r.data[0]!.availability).toHaveLength(2);
    expect(r.warnings.map((w) => w.code)).toEqual(['comma_separated_list']);
  });

  it('a string with `;` is split at `;` only (commas stay inside items); arrays are never split; no warning', () => {
    const r = parsed([{ id: 'a', role: 'mentor', goals: 'grow, fast; lead', interests: ['chess, go'], skillsOffered: 'python:4' }]);
    expect(r.data[0]!.goals).toEqual(['grow, fast', 'lead']);
    expect(r.data[0]!.interests).toEqual(['chess, go']);
    expect(r.warnings).toEqual([]);
  });

  it('non-list fields with commas are untouched (name, department)', () => {
    const r = parsed([{ id: 'a', role: 'mentor', name: 'Smith, Jr.', department: 'Sales, EMEA' }]);
    expect(r.data[0]).toMatchObject({ name: 'Smith, Jr.', department: 'sales, emea' });
    expect(r.warnings).toEqual([]);
  });

  it('an empty item after a trailing comma is an issue, as after a trailing `;`', () => {
    const r = safeParseParticipants([{ id: 'a', role: 'mentor', goals: 'leadership,' }]);
    if (r.success) return expect.fail('expected an issue');
    expect(r.issues.map((i) => [i.code, i.field])).toEqual([['empty_value', 'goals[1]']]);
    expect(r.warnings.map((w) => w.code)).toEqual(['comma_separated_list']);
  });
});

describe('email and managerId by e-mail', () => {
  it('email is trimmed and lower-cased; blank is absent', () => {
    const [a, b] = parseParticipants([
      { id: 'a', role: 'mentor', email: '  Ana.Silva@Example.COM ' },
      { id: 'b', role: 'mentor', email: ' ' },
    ]);
    expect(a!.email).toBe('ana.silva@example.com');
    expect(b!.email).toBeUndefined();
  });

  it('a managerId equal to a participant\'s e-mail (any case) becomes that participant\'s id', () => {
    const r = parsed([
      { id: 'e1', role: 'mentee', managerId: ' BOSS@corp.com ' },
      { id: 'm1', role: 'mentor', email: 'boss@CORP.com' },
    ]);
    expect(r.data.map((p) => p.managerId)).toEqual(['m1', undefined]);
    expect(r.warnings).toEqual([]);
    expect(Object.isFrozen(r.data[0])).toBe(true);
  });

  it('an id wins over an e-mail; a managerId naming an id is kept as it is', () => {
    const r = parsed([
      { id: 'x@corp.com', role: 'mentor' },
      { id: 'm2', role: 'mentor', email: 'x@corp.com' },
      { id: 'e1', role: 'mentee', managerId: 'x@corp.com' },
      { id: 'e2', role: 'mentee', managerId: 'm2' },
    ]);
    expect(r.data.map((p) => p.managerId)).toEqual([undefined, undefined, 'x@corp.com', 'm2']);
  });

  it('a managerId that looks like an e-mail but names nobody is kept (an external manager) with an unknown_manager warning', () => {
    const r = parsed([{ id: 'e1', role: 'mentee', managerId: 'ghost@corp.com' }]);
    expect(r.data[0]!.managerId).toBe('ghost@corp.com');
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toMatchObject({ code: 'unknown_manager', participant: 'e1', field: 'managerId', found: '"ghost@corp.com"' });
    expect(r.warnings[0]!.message).toContain('participant "e1"');
  });

  it('a managerId that names nobody and is no e-mail stays an external manager, silently (as documented)', () => {
    const r = parsed([{ id: 'e1', role: 'mentee', managerId: 'X1234' }]);
    expect(r.data[0]!.managerId).toBe('X1234');
    expect(r.warnings).toEqual([]);
  });

  it('buildCompatibility: the mentee\'s manager given by e-mail is forbidden as mentor by the reporting-line rule', () => {
    const people = parseParticipants([
      { id: 'e1', role: 'mentee', skillsWanted: 'python', managerId: 'Ana.Boss@Corp.com' },
      { id: 'm1', role: 'mentor', skillsOffered: 'python', email: 'ana.boss@corp.com' },
      { id: 'm2', role: 'mentor', skillsOffered: 'python', email: 'bo@corp.com' },
    ]);
    const mentees = people.filter((p) => p.roles.includes('mentee'));
    const mentors = people.filter((p) => p.roles.includes('mentor'));
    const matrix = buildCompatibility(mentees, mentors, {});
    expect(matrix.colIds).toEqual(['m1', 'm2']);
    expect(matrix.isForbidden(0, 0)).toBe(true);
    expect(matrix.reason(0, 0)?.rule).toBe('reportingLine');
    expect(matrix.isForbidden(0, 1)).toBe(false);
  });

  it('the same for a manager further up the line, named by e-mail at each step', () => {
    const people = parseParticipants([
      { id: 'e1', role: 'mentee', managerId: 'lead@corp.com' },
      { id: 'lead', role: 'mentee', email: 'lead@corp.com', managerId: 'VP@corp.com' },
      { id: 'vp', role: 'mentor', email: 'vp@corp.com' },
    ]);
    const matrix = buildCompatibility(people.filter((p) => p.id !== 'vp'), people.filter((p) => p.id === 'vp'), {});
    expect(matrix.isForbidden(0, 0)).toBe(true);
    expect(matrix.isForbidden(1, 0)).toBe(true);
  });
});
