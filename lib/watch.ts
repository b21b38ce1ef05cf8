import { assembleBody, detectParagraphBreaks, splitParagraphs } from './intake';
import { normalizeLine } from './text';

/**
 * How often a watched article is fetched again, by its age: "1d:1h" means every hour while the
 * watch is under a day old. Steps are read in order; the last, "*", applies from then on.
 */
export type WatchStep = { untilMs: number; everyMs: number };

/** Hourly on the first day (when most stealth edits happen), every six hours in the first week, daily for a month, then weekly. */
export const DEFAULT_WATCH_SCHEDULE = '1d:1h, 7d:6h, 30d:1d, *:7d';

const UNITS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 };

function duration(text: string): number | null {
  const match = /^(\d+(?:\.\d+)?)([mhdw])$/.exec(text.trim());
  if (!match) return null;
  const ms = Number(match[1]) * UNITS[match[2]!]!;
  return ms > 0 ? ms : null;
}

/** Reads a schedule such as DEFAULT_WATCH_SCHEDULE; returns an error sentence for anything else. */
export function parseWatchSchedule(text: string): WatchStep[] | { error: string } {
  const steps: WatchStep[] = [];
  const parts = text.split(',').map((p) => p.trim()).filter(Boolean);
  for (const [i, part] of parts.entries()) {
    const [until = '', every = ''] = part.split(':');
    const everyMs = duration(every);
    const last = i === parts.length - 1;
    const untilMs = until.trim() === '*' ? Infinity : duration(until);
    if (everyMs === null || untilMs === null) return { error: `“${part}” is not age:interval, such as 7d:6h (units m, h, d, w).` };
    if (everyMs < 5 * 60_000) return { error: `“${part}”: fetching an article more often than every 5 minutes is not polite.` };
    if ((untilMs === Infinity) !== last) return { error: 'The last step, and only the last, is “*:interval”.' };
    if (steps.length && untilMs <= steps.at(-1)!.untilMs) return { error: 'The ages must grow from one step to the next.' };
    steps.push({ untilMs, everyMs });
  }
  if (steps.length === 0) return { error: 'The schedule is empty.' };
  return steps;
}

/** When a watch started at `since` is next due after a fetch at `now`. */
export function nextWatchAt(since: Date, now: Date, schedule: readonly WatchStep[]): Date {
  const age = now.getTime() - since.getTime();
  const step = schedule.find((s) => age < s.untilMs) ?? schedule.at(-1)!;
  return new Date(now.getTime() + step.everyMs);
}

/**
 * The text a fetch of a watched article gives once the paragraphs the editor removed at import
 * (page furniture) are removed again, paragraphs split as the import split them.
 */
export function watchedText(extracted: string, removedParagraphs: readonly string[]): string {
  const removed = new Set(removedParagraphs.map(normalizeLine));
  const paragraphs = splitParagraphs(extracted, detectParagraphBreaks(extracted));
  const dropped = new Set(paragraphs.flatMap((p, i) => (removed.has(normalizeLine(p)) ? [i] : [])));
  return assembleBody(paragraphs, dropped);
}
