// One editor process for db/concurrency.test.ts: `count` saves of the claims given,
// each read-then-write like the claim editor, retrying only on a version conflict, and
// logged for the other processes with its tags, as the action wrapper logs a save.
// Prints how many saves it made; any other error (SQLITE_BUSY included) fails it.
import { closeDb } from '@/db';
import { getClaimForEditor } from '@/db/queries/annotator';
import { updateClaim } from '@/db/queries/claims';
import { withWriteLog } from '@/db/queries/invalidations';
import { isAppError } from '@/lib/errors';
import { claimTags, invalidate } from '@/lib/server/cache';

const [label = 'writer', countArg = '100', ...idArgs] = process.argv.slice(2);
const ids = idArgs.map(Number);
async function main() {
  let saves = 0;
  let conflicts = 0;
  for (let i = 0; i < Number(countArg); i++) {
    const id = ids[i % ids.length]!;
    for (;;) {
      const claim = getClaimForEditor({ id });
      if (!claim) throw new Error(`claim ${id} is missing`);
      try {
        const patch = { statusNote: `${label} save ${i}`, correction: `${label} correction ${i}` };
        await withWriteLog(async () => {
          updateClaim({ id, version: claim.version, patch, actorId: null });
          invalidate(claimTags({ id, articleIds: [claim.articleId] }));
        });
        saves++;
        break;
      } catch (error) {
        if (isAppError(error) && error.code === 'conflict') {
          conflicts++;
          continue;
        }
        throw error;
      }
    }
  }
  closeDb();
  console.log(JSON.stringify({ saves, conflicts }));
}
void main();
