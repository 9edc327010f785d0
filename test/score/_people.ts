import type { Participant, Skill, Slot } from '../../src/profile/types.js';

/** Input of {@link person}: every Participant field optional, skills as 'name:level' strings. */
export interface PersonSpec {
  id: string;
  name?: string;
  roles?: ('mentor' | 'mentee')[];
  offers?: string[];
  wants?: string[];
  goals?: string[];
  interests?: string[];
  languages?: string[];
  department?: string;
  location?: string;
  managerId?: string;
  seniority?: number;
  timeZone?: string;
  availability?: Slot[];
  personality?: Record<string, number>;
  attributes?: Record<string, string | number | boolean>;
}

function skill(s: string): Skill {
  const [name, level] = s.split(':');
  return { name, level: level === undefined ? undefined : Number(level) };
}

/** A validated-shape participant for scoring tests (already normalised tags). */
export function person(p: PersonSpec): Participant {
  return {
    id: p.id,
    name: p.name,
    roles: p.roles ?? ['mentee'],
    skillsOffered: (p.offers ?? []).map(skill),
    skillsWanted: (p.wants ?? []).map(skill),
    goals: p.goals ?? [],
    interests: p.interests ?? [],
    languages: p.languages ?? [],
    department: p.department,
    location: p.location,
    managerId: p.managerId,
    seniority: p.seniority,
    timeZone: p.timeZone,
    availability: p.availability ?? [],
    personality: p.personality ?? {},
    capacity: { max: 1, min: 0 },
    maxMentors: 1,
    attributes: p.attributes ?? {},
  };
}

/** Weights with every built-in criterion off except the ones given. */
export function only(weights: Record<string, unknown>): Record<string, unknown> {
  const all = ['skills', 'goals', 'interests', 'availability', 'timeZone', 'personality', 'languages', 'department', 'location', 'seniority'];
  const w: Record<string, unknown> = {};
  for (const k of all) w[k] = 0;
  return { ...w, ...weights };
}

/** Slot helper: day 0 = Monday, times 'HH:MM'. */
export function slot(day: number, from: string, to: string): Slot {
  const t = (s: string): number => Number(s.slice(0, 2)) * 60 + Number(s.slice(3));
  return { day, start: t(from), end: t(to) };
}
