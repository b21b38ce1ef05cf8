import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { PeriodForm } from '@/components/period-form';
import { StatsCharts } from '@/components/stats-charts';
import { formatDate } from '@/lib/format';
import { parsePeriod } from '@/lib/stats';
import { env } from '@/lib/server/env';
import { readStats } from '@/lib/server/stats';

export const metadata: Metadata = {
  title: 'Newsroom statistics',
  description: 'How many claims we checked, how fast, how parties answered our requests for comment, and how often we corrected ourselves.',
};

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function StatsPage({ searchParams }: Props) {
  await connection();
  const now = new Date().getTime();
  const parsed = parsePeriod(await searchParams, now);
  const { period } = parsed;
  const datasets = readStats('public', period, now);
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="text-2xl font-bold">Newsroom statistics</h1>
      <p className="muted mt-1 mb-4">
        Our published work from {formatDate(period.start)} to {formatDate(period.end - 1)}, counted from the same records as every claim page. See{' '}
        <Link href="/about/methodology">how we choose and check claims</Link> and <Link href="/corrections">every correction</Link>.
      </p>
      <PeriodForm period={period} errors={parsed.ok ? undefined : parsed.errors} action="/stats" />
      <div className="mt-8">
        <StatsCharts datasets={datasets} period={period} locale={env.NEWSROOM_LOCALE} csvBase="/stats" />
      </div>
    </div>
  );
}
