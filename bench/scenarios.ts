/**
 * Repeated measurements: warm-up loads first (not counted), then the
 * measured ones, each in a fresh tab.
 */
import { join } from 'node:path';
import type { Browser } from 'puppeteer-core';
import type { BackstoryTraceMeasurement, RerenderMeasurement } from './busy-time';
import { measureBackstoryPageLoad } from './measure-backstory';
import { measureMarkjs, type MarkjsMeasurement } from './measure-markjs';
import { measureRerenderOnce } from './measure-rerender';

export interface Repeated<T> {
  warmup: T[];
  runs: T[];
}

export interface RepeatOptions {
  /** Names the saved traces, e.g. "article". */
  name: string;
  runs: number;
  warmup: number;
  tracesDir: string | null;
  log(message: string): void;
}

async function repeat<T>(options: RepeatOptions, once: (tracePath: string | undefined) => Promise<T>, describe: (m: T) => string): Promise<Repeated<T>> {
  const result: Repeated<T> = { warmup: [], runs: [] };
  const total = options.warmup + options.runs;
  for (let i = 0; i < total; i++) {
    const warm = i < options.warmup;
    const number = warm ? i + 1 : i - options.warmup + 1;
    const label = `${warm ? 'warm-up' : 'run'} ${number}`;
    const tracePath = options.tracesDir ? join(options.tracesDir, `${options.name}-${warm ? 'warmup' : 'run'}-${number}.json`) : undefined;
    const measurement = await once(tracePath);
    (warm ? result.warmup : result.runs).push(measurement);
    options.log(`  ${options.name} ${label}/${warm ? options.warmup : options.runs}: ${describe(measurement)}`);
  }
  return result;
}

export function repeatBackstory(
  browser: Browser,
  page: { url: string; quietMs: number; timeoutMs: number },
  options: RepeatOptions,
): Promise<Repeated<BackstoryTraceMeasurement>> {
  return repeat(
    options,
    (tracePath) => measureBackstoryPageLoad(browser, { ...page, tracePath }),
    (m) => `busy ${m.toPlaced.busyMs.toFixed(1)} ms to placed, ${m.busyMs.toFixed(1)} ms to painted, longest task ${m.longestTaskMs.toFixed(1)} ms, ${m.mentions ?? '?'} mentions`,
  );
}

/** Backstory and a peer measured with it: the floor script, or an older build of Backstory. */
export interface InTurn<T> {
  backstory: T;
  peer: T;
}

/**
 * Backstory and a peer (the floor script, floor-extension.ts, or an older
 * build, reference-build.ts), each in its own browser, on the same page
 * load after load in turn: drift in the machine's load then hits both
 * alike, and their difference is fair.
 */
export async function repeatInTurn(
  browsers: InTurn<Browser>,
  page: { url: string; quietMs: number; timeoutMs: number },
  options: RepeatOptions & { peerName: string },
): Promise<InTurn<Repeated<BackstoryTraceMeasurement>>> {
  let loads = 0;
  const pairs = await repeat(
    options,
    async (tracePath) => {
      const backstory = () => measureBackstoryPageLoad(browsers.backstory, { ...page, tracePath });
      const peer = () => measureBackstoryPageLoad(browsers.peer, { ...page, tracePath: tracePath?.replace(/\.json$/, '-peer.json') });
      // Which goes first alternates, so neither always meets the machine just after the other's load.
      if (loads++ % 2 === 0) return { backstory: await backstory(), peer: await peer() };
      const measuredPeer = await peer();
      return { backstory: await backstory(), peer: measuredPeer };
    },
    (m) =>
      `busy ${m.backstory.toPlaced.busyMs.toFixed(1)} ms to placed (${options.peerName} ${m.peer.toPlaced.busyMs.toFixed(1)}), ` +
      `${m.backstory.busyMs.toFixed(1)} ms to painted, ${m.backstory.mentions ?? '?'} mentions`,
  );
  const split = (pick: (pair: InTurn<BackstoryTraceMeasurement>) => BackstoryTraceMeasurement) => ({
    warmup: pairs.warmup.map(pick),
    runs: pairs.runs.map(pick),
  });
  return { backstory: split((pair) => pair.backstory), peer: split((pair) => pair.peer) };
}

export function repeatMarkjs(
  browser: Browser,
  run: { url: string; terms: readonly string[]; timeoutMs: number },
  options: RepeatOptions,
): Promise<Repeated<MarkjsMeasurement>> {
  return repeat(
    options,
    (tracePath) => measureMarkjs(browser, { ...run, tracePath }),
    (m) => `busy ${m.busyMs.toFixed(0)} ms, ${m.marks} <mark> elements`,
  );
}

export function repeatRerender(browser: Browser, page: { url: string; timeoutMs: number }, options: RepeatOptions): Promise<Repeated<RerenderMeasurement>> {
  return repeat(
    options,
    (tracePath) => measureRerenderOnce(browser, { ...page, tracePath }),
    (m) => `highlights back after ${m.latencyMs.toFixed(1)} ms, busy ${m.busyMs.toFixed(1)} ms`,
  );
}
