/**
 * parseCohortCsv on hostile cells and headers (issue 12): `attr:__proto__` and
 * `personality:__proto__` columns are read or reported, never dropped; counts past the
 * 32-bit arrays are issues naming row, column and limit; ids equal after normalisation
 * are duplicates, ids equal up to case a warning naming both rows.
 */
import { describe, expect, it } from 'vitest';

import { parseCohortCsv } from '../../../src/io/csv/parse-cohort.js';

describe('parseCohortCsv(text): __proto__ columns', () => {
  it('attr:__proto__ is an attribute like any other (named proto, as tags are normalised)', () => {
    const r = parseCohortCsv('id,role,attr:__proto__,attr:constructor\nm1,mentor,x,y\n');
    expect(r.issues).toEqual([]);
    expect({ ...r.participants[0]!.attributes }).toEqual({ proto: 'x', constructor: 'y' });
  });

  it('personality:__proto__ is an unknown_trait issue with its row and column, not a silent drop', () => {
    const r = parseCohortCsv('id,role,personality:__proto__\nm1,mentor,50\n');
    expect(r.participants).toEqual([]);
    expect(r.issues.map((i) => [i.code, i.row, i.column])).toEqual([['unknown_trait', 2, 'personality:__proto__']]);
  });

  it('a declared trait named __proto__ (normalised: proto) is read from its column', () => {
    const r = parseCohortCsv('id,role,personality:__proto__\nm1,mentor,5\n', { traits: { proto: { min: 0, max: 10 } } });
    expect(r.issues).toEqual([]);
    expect({ ...r.participants[0]!.personality }).toEqual({ proto: 5 });
  });
});

describe('parseCohortCsv(text): counts beyond 2³¹ − 1', () => {
  it.each([
    ['capacity', '4294967296'],
    ['capacity', '4294967297'],
    ['capacity', '2147483648'],
    ['min_capacity', '2147483648'],
    ['max_mentors', '2147483648'],
  ])('%s %s → out_of_range on its row and column, naming the value and the limit', (column, value) => {
    const r = parseCohortCsv(`id,role,capacity,${column === 'capacity' ? 'x_unused' : column}\nm1,both,${column === 'capacity' ? value : '3'},${column === 'capacity' ? '' : value}\n`);
    expect(r.participants).toEqual([]);
    const errors = r.issues.filter((i) => i.severity === 'error');
    expect(errors.map((i) => [i.code, i.row, i.column])).toEqual([['out_of_range', 2, column]]);
    expect(errors[0]!.message).toContain(value);
    expect(errors[0]!.message).toContain('2147483647');
  });
});

describe('parseCohortCsv(text): ids that look alike', () => {
  it('an NFD id after its NFC spelling is a duplicate_id naming the first row', () => {
    const r = parseCohortCsv('id,role\nJos\u00e9,mentor\nJose\u0301,mentee\n');
    expect(r.participants.map((p) => p.id)).toEqual(['Jos\u00e9']);
    expect(r.issues.map((i) => [i.code, i.row, i.column])).toEqual([['duplicate_id', 3, 'id']]);
    expect(r.issues[0]!.message).toContain('row 2');
  });

  it('a zero-width space in an id cell is removed (then a duplicate of the plain id)', () => {
    const r = parseCohortCsv('id,role\nana,mentor\nana\u200B,mentee\n');
    expect(r.issues.map((i) => i.code)).toEqual(['duplicate_id']);
  });

  it('ids that differ only by case both load, with a warning on the later row naming the earlier row', () => {
    const r = parseCohortCsv('id,role\nana,mentor\nANA,mentee\n');
    expect(r.participants.map((p) => p.id)).toEqual(['ana', 'ANA']);
    expect(r.issues.map((i) => [i.severity, i.code, i.row, i.column])).toEqual([['warning', 'id_differs_by_case', 3, 'id']]);
    expect(r.issues[0]!.message).toContain('row 2');
  });

  it('an NFD manager_id names the NFC participant', () => {
    const r = parseCohortCsv('id,role,manager_id\nJos\u00e9,mentor,\ne1,mentee,Jose\u0301\n');
    expect(r.issues).toEqual([]);
    expect(r.participants[1]!.managerId).toBe('Jos\u00e9');
  });
});
