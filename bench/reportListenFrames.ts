/** bench/README.md's section for bench/listenFrames.ts (the Listen screen's frames in Chromium). */

interface Frames {
  frames: number;
  longestGapMs: number;
  gapsOver: number;
  longestLoafMs: number;
  loafsOver: number;
  longestTaskMs: number;
  heard: number;
  mainThreadMs: number;
  scriptMs: number;
  styleAndLayoutMs: number;
  longestLoaf: { ms: number; scriptMs: number; styleAndLayoutMs: number; blockingMs: number } | null;
}

export interface ListenFrames {
  date: string;
  loadAverage: number[];
  meters: number;
  perSecond: number;
  listenMs: number;
  baseline: Frames;
  telegrams: Frames;
  targetFrameMs: number;
  ok: boolean;
}

const row = (what: string, f: Frames, baseline: Frames | null, target: string) =>
  `| ${what} | ${f.longestGapMs} ms (${f.gapsOver} of ${f.frames} over ${50} ms) | ${f.longestLoafMs} ms (${f.loafsOver}) | ${f.mainThreadMs} ms | ${f.scriptMs} ms | ${f.styleAndLayoutMs} ms | ${
    baseline ? `${(f.mainThreadMs / Math.max(1, baseline.mainThreadMs)).toFixed(2)}×` : ''
  } | ${target} |`;

export function listenFramesSection(r: ListenFrames): string {
  const seconds = r.listenMs / 1000;
  const worst = r.telegrams.longestLoaf;
  return [
    `## The Listen screen in Chromium (\`bench/listenFrames.ts\`, ${r.date.slice(0, 10)}, load ${r.loadAverage[0]})`,
    '',
    `The built web host, a route of ${r.meters} radio meters with their keys, the route's Listen panel open in Chromium at`,
    `800×1280, the receiver simulator (iM871A) on a socat PTY sending ${r.perSecond} telegrams a second for ${seconds} s (${r.telegrams.heard} meters heard).`,
    'Baseline in the same run: the same screen listening as long with no telegrams. In the page: the gaps between',
    "animation frames, `long-animation-frame` entries (frames whose work took over 50 ms), and the page's main-thread,",
    'script and style/layout time over the window (DevTools Performance metrics).',
    '',
    '| screen | longest frame (rAF gap) | longest long animation frame (count) | main thread | script | style and layout | ratio (main thread / baseline) | target |',
    '|---|---|---|---|---|---|---|---|',
    row(
      `${r.perSecond} telegrams a second`,
      r.telegrams,
      r.baseline,
      `no frame over ${r.targetFrameMs} ms ${r.ok ? '(met)' : '(**missed**)'}`,
    ),
    row('no telegrams (baseline)', r.baseline, null, ''),
    '',
    worst
      ? `The longest long animation frame: ${Math.round(worst.ms)} ms, of it script ${Math.round(worst.scriptMs)} ms, style and layout ${Math.round(worst.styleAndLayoutMs)} ms, blocking input ${Math.round(worst.blockingMs)} ms; the rest is the frame waiting for a CPU.`
      : 'No animation frame took over 50 ms.',
    '',
    'Before the fix (2026-12-07, load 13, same bench, old screen built): the screen built an `Intl.RelativeTimeFormat`',
    "for every heard meter on every refresh (about 1 ms each; in a CPU profile 270 of the window's 600 ms of script) and",
    'restyled and laid out every row on every refresh: main thread 2779 ms, script 843 ms, style and layout 526 ms, 12',
    'animation frames over 50 ms, the longest 356 ms. Now one formatter per language, each register name and unit worked',
    'out once per ReadingType, and rows off screen skipped (`content-visibility: auto`); with only the first and last of these',
    '(load 10): main thread 1813 ms, script 676 ms, style and layout 261 ms, 6 frames over 50 ms, the longest 319 ms.',
    'Still over 50 ms on this loaded machine: the once-a-second refresh is one task (the whole',
    "state's answer parsed and checked, then every heard row rendered); next: send only the meters changed since the last",
    'refresh, or render only the rows on screen.',
  ].join('\n');
}
