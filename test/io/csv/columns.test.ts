/**
 * The cohort-CSV columns, derived from the profile field table: every header alias and
 * prefix is read exactly as before, into the same value as the field given in JSON; the
 * CSV issue codes are a union of one table (a typo is a compile error).
 */
import { describe, expect, it } from 'vitest';

import { COHORT_COLUMNS, cohortColumn, resolveColumn, type CohortField } from '../../../src/io/csv/columns.js';
import { CSV_ISSUE_CODES, type CsvIssueCode } from '../../../src/io/csv/issues.js';
import { parseCohortCsv } from '../../../src/io/csv/parse-cohort.js';
import { PROFILE_ISSUE_CODES, PROFILE_WARNING_CODES } from '../../../src/profile/issues.js';
import { safeParseParticipants } from '../../../src/profile/parse.js';
import type { Participant } from '../../../src/profile/types.js';

/** The column table before it was derived from PROFILE_FIELDS: it must not drift. */
const COLUMNS_BEFORE = {
  id: ['id', 'participant_id', 'employee_id', 'person_id'],
  name: ['name', 'full_name'],
  roles: ['role', 'roles'],
  skillsOffered: ['skills_offered', 'offered_skills', 'offers', 'can_teach', 'expertise'],
  skillsWanted: ['skills_wanted', 'wanted_skills', 'wants', 'wants_to_learn'],
  goals: ['goals', 'goal'],
  interests: ['interests', 'interest', 'hobbies'],
  languages: ['languages', 'language', 'langs'],
  department: ['department', 'dept'],
  location: ['location', 'office', 'city'],
  managerId: ['manager_id', 'manager', 'reports_to', 'manager_email'],
  email: ['email', 'e_mail', 'email_address', 'mail', 'work_email'],
  seniority: ['seniority', 'seniority_level', 'level'],
  timeZone: ['time_zone', 'timezone', 'tz', 'zone'],
  availability: ['availability', 'slots', 'available'],
  capacity: ['capacity', 'max_mentees', 'mentor_capacity', 'max_capacity'],
  capacityMin: ['min_capacity', 'min_mentees'],
  maxMentors: ['max_mentors'],
};

/** A cell for each column kind, and the JSON that means the same. */
const SAMPLES: Record<Exclude<CohortField, 'id' | 'roles' | 'timeZone'>, readonly [string, Record<string, unknown>]> = {
  name: ['Ana Silva', { name: 'Ana Silva' }],
  skillsOffered: ['python:4; SQL', { skillsOffered: 'python:4; SQL' }],
  skillsWanted: ['go:2', { skillsWanted: 'go:2' }],
  goals: ['Growth; focus', { goals: 'Growth; focus' }],
  interests: ['chess', { interests: 'chess' }],
  languages: ['EN; Deutsch', { languages: 'EN; Deutsch' }],
  department: ['R&D', { department: 'R&D' }],
  location: ['Berlin', { location: 'Berlin' }],
  managerId: ['boss-1', { managerId: 'boss-1' }],
  email: ['Ana@Example.org', { email: 'Ana@Example.org' }],
  seniority: ['Senior', { seniority: 'Senior' }],
  availability: ['Mon 09:00-10:00', { availability: 'Mon 09:00-10:00' }],
  capacity: ['3', { capacity: '3' }],
  capacityMin: ['1', { capacity: { min: '1' } }],
  maxMentors: ['2', { maxMentors: '2' }],
};

function fromJson(p: Record<string, unknown>): Participant {
  const r = safeParseParticipants([p]);
  if (!r.success) return expect.fail(r.issues.map((i) => i.message).join('\n'));
  return r.data[0]!;
}

function fromCsv(text: string): Participant {
  const r = parseCohortCsv(text);
  expect(r.issues.map((i) => i.message)).toEqual([]);
  expect(r.participants).toHaveLength(1);
  return r.participants[0]!;
}

describe('COHORT_COLUMNS: derived from PROFILE_FIELDS', () => {
  it('is the column table as it was: every canonical name and alias, in the same order', () => {
    expect(COHORT_COLUMNS).toEqual(COLUMNS_BEFORE);
    expect(Object.keys(COHORT_COLUMNS)).toEqual(Object.keys(COLUMNS_BEFORE));
    expect(Object.isFrozen(COHORT_COLUMNS)).toBe(true);
  });

  it('cohortColumn(capacityMin) is the min part of capacity', () => {
    expect(cohortColumn('capacityMin')).toEqual({ field: 'capacity', key: 'min', headers: ['min_capacity', 'min_mentees'] });
    expect(cohortColumn('timeZone')).toEqual({ field: 'timeZone', key: undefined, headers: COLUMNS_BEFORE.timeZone });
  });

  const headers = (Object.keys(SAMPLES) as (keyof typeof SAMPLES)[]).flatMap((f) => COLUMNS_BEFORE[f].map((h) => [f, h] as const));
  it.each(headers)('a %s column headed %s (and written Title-Case with spaces) reads as the field in JSON', (field, header) => {
    const [cell, json] = SAMPLES[field];
    const expected = fromJson({ id: 'p1', role: 'mentor', timeZone: 'UTC', ...json });
    expect(fromCsv(`id,role,time_zone,${header}\np1,mentor,UTC,${cell}\n`)).toEqual(expected);
    const spelt = header.split('_').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' ');
    expect(fromCsv(`id,role,time_zone,${spelt}\np1,mentor,UTC,${cell}\n`)).toEqual(expected);
  });

  it.each([...COLUMNS_BEFORE.id.map((h) => ['id', h]), ...COLUMNS_BEFORE.roles.map((h) => ['roles', h]), ...COLUMNS_BEFORE.timeZone.map((h) => ['timeZone', h])])(
    'the %s column headed %s is read too',
    (field, header) => {
      const cells: Record<string, string> = { id: 'p1', roles: 'mentee', timeZone: 'Europe/Berlin' };
      const others = Object.keys(cells).filter((f) => f !== field);
      const text = `${others.map((f) => COLUMNS_BEFORE[f as 'id'][0]).join(',')},${header}\n${others.map((f) => cells[f]).join(',')},${cells[field]}\n`;
      expect(fromCsv(text)).toEqual(fromJson({ id: 'p1', roles: 'mentee', timeZone: 'Europe/Berlin' }));
    },
  );

  it('capacity and min_capacity together are { max, min }', () => {
    expect(fromCsv('id,role,capacity,min_mentees\nm1,mentor,3,1\n').capacity).toEqual({ max: 3, min: 1 });
  });

  it.each([
    ['attr:site', 'attributes'],
    ['attribute.site', 'attributes'],
    ['Custom : site', 'attributes'],
    ['personality:openness', 'personality'],
    ['trait.Openness', 'personality'],
    ['Openness', 'personality'],
  ])('the prefixed or bare header %s fills %s', (header, field) => {
    const value = field === 'personality' ? { openness: 70 } : { site: 70 };
    expect(fromCsv(`id,role,${header}\nm1,mentor,70\n`)[field as 'attributes']).toEqual(value);
  });

  it('resolveColumn: a field, an entry of a record field, or unknown', () => {
    const traits = new Map([['openness', 'openness']]);
    expect(resolveColumn('Max Mentees', traits)).toEqual({ kind: 'field', field: 'capacity' });
    expect(resolveColumn('attr:Team Size', traits)).toEqual({ kind: 'entry', field: 'attributes', name: 'Team Size' });
    expect(resolveColumn('OPENNESS', traits)).toEqual({ kind: 'entry', field: 'personality', name: 'openness' });
    expect(resolveColumn('skills', traits)).toEqual({ kind: 'unknown' });
  });
});

describe('CSV_ISSUE_CODES: the code union comes from one table', () => {
  it('a typo in a case label does not compile', () => {
    const fileLevel = (code: CsvIssueCode): boolean => {
      switch (code) {
        case 'empty_file':
        case 'missing_column':
          return true;
        // @ts-expect-error 'missing_columns' is not a CsvIssueCode
        case 'missing_columns':
          return true;
        default:
          return false;
      }
    };
    expect(fileLevel('unknown_time_zone')).toBe(false);
  });

  it('every code a messy file reports is in CSV_ISSUE_CODES or the profile tables', () => {
    const text = [
      'id,role,colour,time_zone,skills_offered,capacity,capacity',
      'm1,mentor,blue,Mars/Base,"go, rust",3,4',
      'm1,boss,,UTC,,x,',
      'e1,mentee,,,,,,extra',
      '"unclosed,mentee',
    ].join('\n');
    const codes = new Set<string>();
    try {
      parseCohortCsv(text);
    } catch (e) {
      for (const i of (e as { issues: { code: string }[] }).issues) codes.add(i.code);
    }
    const r = parseCohortCsv(text.replace(',capacity\n', '\n'), { columns: { nothing: 'skills' } });
    for (const i of r.issues) codes.add(i.code);
    expect(codes.size).toBeGreaterThan(4);
    for (const c of codes) expect(Object.hasOwn(CSV_ISSUE_CODES, c) || Object.hasOwn(PROFILE_ISSUE_CODES, c) || Object.hasOwn(PROFILE_WARNING_CODES, c), c).toBe(true);
  });
});
