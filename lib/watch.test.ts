import { describe, expect, it } from 'vitest';
import { DEFAULT_WATCH_SCHEDULE, nextWatchAt, parseWatchSchedule, watchedText, type WatchStep } from './watch';

const H = 3_600_000;
const D = 24 * H;

describe('the watch schedule', () => {
  const schedule = parseWatchSchedule(DEFAULT_WATCH_SCHEDULE) as WatchStep[];
  const since = new Date(Date.UTC(2026, 10, 1));
  const after = (ms: number) => nextWatchAt(since, new Date(since.getTime() + ms), schedule).getTime() - since.getTime() - ms;

  it('fetches hourly on the first day, every six hours in the first week, daily for a month, then weekly', () => {
    expect([after(0), after(23 * H), after(D), after(6 * D), after(7 * D), after(29 * D), after(30 * D), after(400 * D)]).toEqual([
      H, H, 6 * H, 6 * H, D, D, 7 * D, 7 * D,
    ]);
  });

  it('reads a newsroom’s own schedule and refuses ones that are impolite or unreadable', () => {
    expect(parseWatchSchedule('2h:10m, *:1w')).toEqual([{ untilMs: 2 * H, everyMs: 10 * 60_000 }, { untilMs: Infinity, everyMs: 7 * D }]);
    expect(parseWatchSchedule('1d:1m, *:1d')).toMatchObject({ error: expect.stringMatching(/5 minutes/) });
    expect(parseWatchSchedule('1d:1h')).toMatchObject({ error: expect.stringMatching(/last step/) });
    expect(parseWatchSchedule('7d:1h, 1d:2h, *:1d')).toMatchObject({ error: expect.stringMatching(/grow/) });
    expect(parseWatchSchedule('soon:often')).toMatchObject({ error: expect.stringMatching(/age:interval/) });
    expect(parseWatchSchedule('')).toMatchObject({ error: expect.stringMatching(/empty/) });
  });
});

describe('watched text', () => {
  it('takes out the furniture the editor removed at import, wherever it moved on the page', () => {
    const fetched = 'Subscribe for £1 a week\n\nThe council said the lanes cut commutes by a fifth.\n\n“We measured it,” the mayor said.\n\nShare this article';
    expect(watchedText(fetched, ['Share this article', '  Subscribe for £1 a week '])).toBe(
      'The council said the lanes cut commutes by a fifth.\n\n“We measured it,” the mayor said.',
    );
    expect(watchedText('', ['x'])).toBe('');
  });
});
