import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { StatsCharts } from '@/components/stats-charts';
import { parsePeriod } from '@/lib/stats';
import { env } from '@/lib/server/env';
import { renderNonce } from '@/lib/server/page-cache';
import { FRAGMENT_END, FRAGMENT_START, readStats } from '@/lib/server/stats';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * The editors' charts of everything the newsroom checked (drafts included) for one period, as
 * HTML the editors' dashboard keeps and sends (readEditorChartsHtml). Only this server asks for
 * it, with its page cache's secret; anyone else, signed in or not, gets a 404.
 */
export default async function EditorChartsFragment({ searchParams }: Props) {
  if (!renderNonce(await headers())) notFound();
  const now = new Date().getTime();
  const { period } = parsePeriod(await searchParams, now);
  return (
    <>
      <template data-fragment={FRAGMENT_START} />
      <StatsCharts datasets={readStats('newsroom', period, now)} period={period} locale={env.NEWSROOM_LOCALE} csvBase="/edit/stats" />
      <template data-fragment={FRAGMENT_END} />
    </>
  );
}
