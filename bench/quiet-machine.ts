/**
 * Waits until the machine is quiet before a part of the benchmark starts.
 * A browser the previous part closed can keep its processes busy for a
 * while (the set 20 times larger is 5 MB of data to drop). This takes out
 * that cause of spread, not every one: on this 2-core machine the print page
 * still measured 281-381 ms in runs of its part alone (2026-12-01). The load average
 * is a minute-long mean, too slow for this, so the CPU's own counters are
 * read over half a second.
 */
import { cpus } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';

/** Busy share of all cores, 0-1, over `ms`. */
async function busyShare(ms: number): Promise<number> {
  const total = (sample: ReturnType<typeof cpus>) =>
    sample.reduce(
      (sum, cpu) => {
        const { user, nice, sys, irq, idle } = cpu.times;
        return { busy: sum.busy + user + nice + sys + irq, all: sum.all + user + nice + sys + irq + idle };
      },
      { busy: 0, all: 0 },
    );
  const before = total(cpus());
  await sleep(ms);
  const after = total(cpus());
  const all = after.all - before.all;
  return all > 0 ? (after.busy - before.busy) / all : 0;
}

/**
 * Returns once the cores were less than `maxBusy` busy over half a second,
 * or after `timeoutMs` whatever the load (a machine that never quiets is
 * measured anyway, and the log says so). Returns what it saw.
 */
export async function waitForQuietMachine(maxBusy = 0.15, timeoutMs = 30_000): Promise<{ waitedMs: number; busy: number; quiet: boolean }> {
  const started = Date.now();
  for (;;) {
    const busy = await busyShare(500);
    const waitedMs = Date.now() - started;
    if (busy < maxBusy) return { waitedMs, busy, quiet: true };
    if (waitedMs >= timeoutMs) return { waitedMs, busy, quiet: false };
  }
}
