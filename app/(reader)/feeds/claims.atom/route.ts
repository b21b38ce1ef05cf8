import { tags } from '@/lib/server/cache';
import { atomResponse } from '@/lib/server/feeds';

export function GET(request: Request) {
  return atomResponse(request, {
    title: 'Claim status changes',
    selfPath: '/feeds/claims.atom',
    pagePath: '/claims',
    scope: {},
    dependsOn: [tags.lists],
  });
}
