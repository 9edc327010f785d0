/**
 * Time part of the availability and time-zone criteria: UTC offsets through `Intl`,
 * weekly local slots encoded as UTC-week intervals, fast shared-minute counting, and
 * local-time wording for explanations. No `node:` imports: runs in browsers.
 *
 * @module
 */
export { utcOffsetMinutes } from './offset.js';
export { referenceWeek, WEEK_MINUTES } from './reference-week.js';
export { encodeAvailability } from './encode.js';
export { sharedMinutes } from './shared-minutes.js';
export { overlapWindows } from './overlap-windows.js';
export type { WeekWindow } from './overlap-windows.js';
export { formatWeekMinute, describeWindow } from './format.js';
export { timeZoneGapHours, offsetGapHours } from './gap.js';
