import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { EditorKeptCharts } from '@/components/editor-kept-charts';
import { parsePeriod } from '@/lib/stats';
import { env } from '@/lib/server/env';
import { renderNonce } from '@/lib/server/page-cache';
import { FRAGMENT_END, FRAGMENT_START, readDashboard, readStats } from '@/lib/server/stats';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * The editors' overdue replies and charts of everything the newsroom checked (drafts included) for one period, as
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
      <EditorKeptCharts overdue={readDashboard(period, now).overdue} datasets={readStats('newsroom', period, now)} period={period} locale={env.NEWSROOM_LOCALE} />
      <template data-fragment={FRAGMENT_END} />
    </>
  );
}
