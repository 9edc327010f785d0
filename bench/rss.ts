import { readFileSync } from 'node:fs';

/** Peak resident set size of this process in MB (VmHWM from /proc), or undefined off Linux. */
export function peakRssMB(): number | undefined {
  try {
    const m = /VmHWM:\s+(\d+) kB/u.exec(readFileSync('/proc/self/status', 'utf8'));
    return m ? Number(m[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}
