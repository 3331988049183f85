// How fast this machine is at the two things the window's figures lean on, so that a table can be
// read beside one taken elsewhere: machines of one class here differ by 2–3× in how fast new memory
// is handed out (a fresh VM's pages are given on first touch), and every process the window starts
// (VS Code's server, its extension host, the browser) touches hundreds of MB of it.
import { availableParallelism } from 'node:os';

export interface Yardstick {
  cores: number;
  /** Writing 256 MB of memory the process never used: MB/s. */
  freshMemoryMBps: number;
  /** A fixed piece of plain JavaScript (allocation and JSON of 200 000 small objects): ms. */
  scriptMs: number;
}

const FRESH_MB = 256;

export function measureYardstick(): Yardstick {
  let started = performance.now();
  const fresh = Buffer.allocUnsafeSlow(FRESH_MB * 1024 * 1024);
  for (let at = 0; at < fresh.length; at += 4096) fresh[at] = 1;
  const freshMs = performance.now() - started;
  started = performance.now();
  const objects = Array.from({ length: 200_000 }, (_, i) => ({ id: i, label: `s${i}.bulk.example`, status: 'Active' }));
  JSON.parse(JSON.stringify(objects));
  const scriptMs = performance.now() - started;
  return { cores: availableParallelism(), freshMemoryMBps: FRESH_MB / (freshMs / 1000), scriptMs };
}

export function yardstickText(y: Yardstick): string {
  return `this machine: ${y.cores} cores; new memory handed out at ${Math.round(y.freshMemoryMBps)} MB/s (first touch of ${FRESH_MB} MB); a fixed script (JSON of 200 000 objects) ${Math.round(y.scriptMs)} ms`;
}
