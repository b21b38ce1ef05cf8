// One attacker process for db/concurrency.test.ts: waits until the time given (so every
// process starts together), then reserves `count` sign-in attempts for one account and one
// address as fast as it can. Prints how many were granted; SQLITE_BUSY or any error fails it.
import { closeDb } from '@/db';
import { reserveSignInAttempt, SIGN_IN_LIMITS } from '@/db/queries/users';

const [startAt = '0', countArg = '50'] = process.argv.slice(2);
const keys = [
  { key: 'sign-in:account:target@newsroom.example', max: SIGN_IN_LIMITS.account },
  { key: 'sign-in:address:203.0.113.9', max: SIGN_IN_LIMITS.address },
];
while (Date.now() < Number(startAt)) {
  // Busy-wait: a timer would let the processes drift apart by a scheduler tick.
}
let granted = 0;
for (let i = 0; i < Number(countArg); i++) if (reserveSignInAttempt(keys)) granted++;
closeDb();
console.log(JSON.stringify({ granted }));
