/**
 * Seeded synthetic participants for the scoring benchmark: realistic sizes of tag
 * lists, time zones across continents, weekly availability, Big Five traits,
 * departments, managers and a custom attribute. Builds validated `Participant` objects
 * directly (the profile parser is measured elsewhere).
 */
import type { Participant, Skill, Slot } from '../src/profile/types.js';

/** mulberry32: a small seeded PRNG returning floats in [0, 1) (the benchmarks' one). */
export function mulberry32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SKILLS = Array.from({ length: 120 }, (_, k) => `skill ${k}`);
const GOALS = Array.from({ length: 40 }, (_, k) => `goal ${k}`);
const INTERESTS = Array.from({ length: 80 }, (_, k) => `interest ${k}`);
const LANGUAGES = ['english', 'german', 'french', 'spanish', 'portuguese', 'hindi', 'japanese', 'polish'];
const DEPTS = ['engineering', 'sales', 'finance', 'hr', 'legal', 'marketing', 'operations', 'product'];
const SITES = ['lisbon', 'berlin', 'new york', 'bangalore', 'tokyo', 'sydney', 'london', 'sao paulo'];
const ZONES = [
  'Europe/Lisbon',
  'Europe/Berlin',
  'America/New_York',
  'Asia/Kolkata',
  'Asia/Tokyo',
  'Australia/Sydney',
  'Europe/London',
  'America/Sao_Paulo',
];
const TRAITS = ['openness', 'conscientiousness', 'extraversion', 'agreeableness', 'neuroticism'];

function pick<T>(r: () => number, xs: readonly T[], k: number): T[] {
  const out = new Set<T>();
  while (out.size < k) out.add(xs[Math.floor(r() * xs.length)]);
  return [...out];
}

/** `n` participants with the given role, ids prefixed by `prefix`, from `seed`. */
export function cohort(n: number, role: 'mentor' | 'mentee', seed: number, prefix: string = role): Participant[] {
  const r = mulberry32(seed);
  const out: Participant[] = [];
  for (let p = 0; p < n; p++) {
    const site = Math.floor(r() * SITES.length);
    const skills = (k: number, lo: number): Skill[] => pick(r, SKILLS, k).map((name) => ({ name, level: lo + Math.floor(r() * (6 - lo)) }));
    const slots: Slot[] = [];
    for (let s = 0, k = 2 + Math.floor(r() * 4); s < k; s++) {
      const start = 8 * 60 + 30 * Math.floor(r() * 18);
      slots.push({ day: Math.floor(r() * 5), start, end: Math.min(1440, start + 60 + 30 * Math.floor(r() * 4)) });
    }
    const personality: Record<string, number> = {};
    for (const t of TRAITS) personality[t] = Math.round(r() * 100);
    out.push({
      id: `${prefix}-${p}`,
      name: undefined,
      roles: [role],
      skillsOffered: role === 'mentor' ? skills(3 + Math.floor(r() * 5), 2) : [],
      skillsWanted: role === 'mentee' ? skills(2 + Math.floor(r() * 3), 1) : [],
      goals: pick(r, GOALS, 2 + Math.floor(r() * 3)),
      interests: pick(r, INTERESTS, 3 + Math.floor(r() * 4)),
      languages: pick(r, LANGUAGES, 1 + Math.floor(r() * 2)),
      department: DEPTS[Math.floor(r() * DEPTS.length)],
      location: SITES[site],
      managerId: p > 10 && r() < 0.5 ? `${prefix}-${Math.floor(r() * 10)}` : undefined,
      seniority: role === 'mentor' ? 3 + Math.floor(r() * 4) : 1 + Math.floor(r() * 4),
      timeZone: ZONES[site],
      availability: slots,
      personality,
      capacity: { max: role === 'mentor' ? 5 : 1, min: 0 },
      maxMentors: 1,
      attributes: { band: `b${Math.floor(r() * 4)}` },
    });
  }
  return out;
}
