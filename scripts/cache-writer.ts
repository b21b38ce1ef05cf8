// Another server process for lib/server/cache-processes.test.ts: one write on the test's
// database (DATABASE_PATH) through its own connection, the way an action in another process makes it.
//   save <claim id> <note>   an editor's save: the write, then its tags (as the action wrapper does)
//   respond <claim id> <party id> <quote> [stance]   a party's response (disputing unless given) saved to a claim, with the response form's tags
//   die <claim id> <note>    the same write, and the process dies before naming its tags
//   sign-in                  bookkeeping no reader page shows (a sign-in attempt's reservation)
//   join <token>             someone joins the newsroom through an invitation, as the join form does
//   sign-off <on|off>        an admin turns the second editor's sign-off on or off, as the users page does
//   etag <tag>...            prints this process's ETag material for these tags
import { closeDb } from '@/db';
import { getClaimForEditor } from '@/db/queries/annotator';
import { updateClaim } from '@/db/queries/claims';
import { withWriteLog } from '@/db/queries/invalidations';
import { addResponse } from '@/db/queries/sources';
import { redeemInvite, reserveSignInAttempt } from '@/db/queries/users';
import { setSignOffRequired } from '@/db/queries/workflow';
import { claimDetailTags, claimTags, invalidate, tagVersions } from '@/lib/server/cache';
import type { Stance } from '@/lib/vocabulary';

const [command, ...args] = process.argv.slice(2);

function save(id: number, note: string) {
  const claim = getClaimForEditor({ id });
  if (!claim) throw new Error(`claim ${id} is missing`);
  updateClaim({ id, version: claim.version, patch: { statusNote: note, correction: `Correction: ${note}` }, actorId: null });
  return claimTags({ id, articleIds: [claim.articleId] });
}

async function main() {
  if (command === 'save') {
    await withWriteLog(async () => invalidate(save(Number(args[0]), args[1] ?? '')));
  } else if (command === 'respond') {
    await withWriteLog(async () => {
      const { scope } = addResponse({ claimId: Number(args[0]), partyId: Number(args[1]), stance: (args[3] ?? 'disputes') as Stance, quote: args[2] ?? '', respondedAt: new Date(), actorId: null });
      invalidate(claimDetailTags(scope, 'response'));
    });
  } else if (command === 'die') {
    await withWriteLog(async () => {
      save(Number(args[0]), args[1] ?? '');
      process.exit(0);
    });
  } else if (command === 'sign-in') {
    reserveSignInAttempt([{ key: 'cache-test', max: 100 }]);
  } else if (command === 'join') {
    redeemInvite({ token: args[0] ?? '', name: 'Mira Øvergaard-Haddad', email: `mira.${Date.now()}@newsroom.example`, passwordHash: 'not a real hash' });
  } else if (command === 'sign-off') {
    await withWriteLog(async () => setSignOffRequired({ required: args[0] === 'on' }));
  } else if (command === 'etag') {
    console.log(tagVersions(args));
  } else {
    throw new Error(`unknown command ${command}`);
  }
  closeDb();
}
void main();
