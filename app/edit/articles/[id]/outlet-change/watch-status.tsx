import Link from 'next/link';
import { ActionButton } from '@/components/forms/action-button';
import { getHostBackoff } from '@/db/queries/jobs';
import { getWatch, listPendingRevisions } from '@/db/queries/watches';
import { formatDateTime } from '@/lib/format';
import { hostOf } from '@/lib/jobs';
import { checkArticleNowAction } from './actions';

/** Whether Claimline watches the article's page for the outlet's changes, when it last looked, and a way to look now. */
export function WatchStatus({ articleId }: { articleId: number }) {
  const watch = getWatch({ articleId });
  if (!watch) return null;
  const pending = listPendingRevisions({ articleId }).length > 0;
  const host = hostOf(watch.url);
  const backoff = host ? getHostBackoff(host) : undefined;
  const waiting = backoff?.backoffUntil && backoff.backoffUntil > new Date() ? backoff.backoffUntil : null;
  return (
    <div className="panel mb-4 rounded-lg p-3 text-sm" data-testid="watch-status">
      <p>
        Watched for changes at <span className="break-all">{watch.url}</span>:{' '}
        {watch.checkedAt ? `last checked ${formatDateTime(watch.checkedAt)}` : 'not checked yet'}
        {watch.state !== 'ok' ? ` (${watch.state === 'gone' ? 'the page is gone' : 'unreachable'}${watch.detail ? `: ${watch.detail}` : ''})` : ''}, next{' '}
        {formatDateTime(watch.nextCheckAt)}.{' '}
        {waiting ? `Its site failed ${backoff!.failures === 1 ? 'once' : `${backoff!.failures} times in a row`}, so Claimline asks it nothing before ${formatDateTime(waiting)}. ` : null}
        {pending ? (
          <Link href={`/edit/articles/${articleId}/outlet-change`} className="font-semibold">
            The outlet changed it: review the change
          </Link>
        ) : null}
      </p>
      <div className="mt-1">
        <ActionButton action={checkArticleNowAction} fields={{ articleId }} label="Check the outlet’s page for changes now">
          Check for changes now
        </ActionButton>
      </div>
    </div>
  );
}
