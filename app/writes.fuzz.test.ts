import { createHash, randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { getDb } from '@/db';
import { acceptProposedAnchor, markAnchorRemoved, reselectAnchor } from '@/db/queries/anchor-review';
import { createClaimFromSelection, dismissSuggestion, linkAppearance, saveClaim } from '@/db/queries/annotator';
import { createArticle } from '@/db/queries/articles';
import { decideExternalMatch, importExternalReviews, matchExternalReview, removeExternalReview } from '@/db/queries/external-reviews';
import { databaseHealth } from '@/db/queries/health';
import { claimJob, enqueue, failJob, retryJob } from '@/db/queries/jobs';
import { requestSnapshot } from '@/db/queries/snapshots';
import { write } from '@/db/queries/tx';
import { acceptPendingRevision, dismissPendingRevision, recordFetchedText, requestWatch } from '@/db/queries/watches';
import { removeDemoContent } from '@/db/queries/demo';
import { deleteDraftArticle, deleteDraftClaim, withdrawClaim } from '@/db/queries/lifecycle';
import { createParty, mergeParties, updateParty } from '@/db/queries/parties';
import { createRevision } from '@/db/queries/revisions';
import { addResponse, attachSource, detachSource, removeResponse, updateClaimSource, updateResponse } from '@/db/queries/sources';
import { createInvite, setUserDisabled } from '@/db/queries/users';
import { assignClaim, moveClaim, setSignOffRequired } from '@/db/queries/workflow';
import { users } from '@/db/schema';
import { seedDemoOnFirstRun } from '@/db/seed';
import { removeDatabase, useFreshDatabase } from '@/db/testing';
import { ferryArticle, FERRY_BODY } from '@/db/testing-ferry';
import { fieldError, isAppError } from '@/lib/errors';
import { parseClaimReviews } from '@/lib/external-review';
import { assembleBody, detectParagraphBreaks, splitParagraphs } from '@/lib/intake';
import { formToObject } from '@/lib/server/action';
import { fixtureFeed, hostileDocuments, parsedReview } from '@/lib/testing/claim-review-fixtures';
import { field, posted, strays, vocabulary } from '@/lib/testing/fuzz-forms';
import { DEFAULT_WATCH_SCHEDULE, parseWatchSchedule, type WatchStep } from '@/lib/watch';
import { WORKFLOW_STATES } from '@/lib/workflow';

const WATCH_SCHEDULE = parseWatchSchedule(DEFAULT_WATCH_SCHEDULE) as WatchStep[];
import { deleteArticleSchema, deleteClaimSchema, withdrawClaimSchema } from './edit/articles/[id]/(annotate)/lifecycle-schema';
import { createClaimSchema, dismissSchema, linkAppearanceSchema, saveClaimSchema } from './edit/articles/[id]/(annotate)/schema';
import { acceptSchema, removeSchema, reselectSchema } from './edit/articles/[id]/review/schema';
import { revisionSchema } from './edit/articles/[id]/revise/schema';
import { decideSchema, importSchema, matchSchema, removeReviewSchema } from './edit/external-reviews/schema';
import { claimIdFromReference } from '@/lib/routes';
import { newArticleSchema } from './edit/articles/new/schema';
import { assignSchema, moveSchema } from './edit/board/schema';
import { removeResponseSchema, responseSchema } from './edit/claims/[id]/_components/responses-schema';
import { archiveSourceSchema, removeSourceSchema, sourceSchema } from './edit/claims/[id]/_components/sources-schema';
import { retryJobSchema } from './edit/jobs/schema';
import { checkNowSchema, outletChangeSchema } from './edit/articles/[id]/outlet-change/schema';
import { mergeSchema, partySchema } from './edit/parties/schema';
import { removeDemoSchema } from './edit/users/demo-schema';
import { disableSchema, inviteSchema, signOffSchema } from './edit/users/schema';

// Every write a server action makes, fed forms a hostile or careless client could post.
// What passes the action's schema goes to the same query, mapped as the action maps it
// (app/**/actions.ts), and then either the write completes, with its claim_events rows
// where the design records history, or it is refused (an AppError, shown to the editor)
// and the database is byte for byte as it was. Anything else thrown is a crash and fails.

let file: string;
const people = { alice: randomUUID(), bruno: randomUUID(), ada: randomUUID(), otto: randomUUID() };
const editor = (id: string) => ({ id, role: 'editor' as const });
const admin = (id: string) => ({ id, role: 'admin' as const });

beforeAll(() => {
  file = useFreshDatabase();
  seedDemoOnFirstRun();
  for (const [name, id] of Object.entries(people)) {
    const role = name === 'ada' || name === 'otto' ? 'admin' : 'editor';
    getDb().insert(users).values({ id, name, email: `${name}@newsroom.example`, role }).run();
  }
});
afterAll(() => removeDatabase(file));

const sql = <T = unknown>(query: string, ...params: unknown[]) => getDb().$client.prepare(query).pluck().all(...params) as T[];
const one = <T = unknown>(query: string, ...params: unknown[]) => sql<T>(query, ...params)[0];
/** Ids as posted, plus one that names nothing. */
const ids = (query: string, ...params: unknown[]) => [...sql<number>(query, ...params).map(String), '999999'];
const actors = [null, people.alice, people.bruno] as const;

/** Every row of every table, the full-text index's included, as one hash. */
function fingerprint(): string {
  const sqlite = getDb().$client;
  const hash = createHash('sha256');
  for (const table of sqlite.prepare("select name from sqlite_master where type = 'table' and sql not like 'CREATE VIRTUAL%' order by name").pluck().all() as string[]) {
    hash.update(`\n${table}\n`);
    for (const row of sqlite.prepare(`select * from "${table}"`).raw().iterate()) hash.update(JSON.stringify(row));
  }
  return hash.digest('hex');
}

const eventCount = () => one<number>('select count(*) from claim_events')!;

/** Whether a completed write adds to some claim's history: always, never, or depending on what it touched. */
type History = 'recorded' | 'none' | 'maybe';
type Outcome = 'invalid' | 'refused' | 'done';

/** Parses a posted form as the action does and, when it passes, runs the write and checks it was all or nothing. */
function attempt<S extends z.ZodType>(schema: S, form: FormData | Record<string, unknown>, history: History, write: (input: z.output<S>) => unknown): Outcome {
  // A plain object stands for what the action wrapper makes of a form with a file in it.
  const parsed = schema.safeParse(form instanceof FormData ? formToObject(form) : form);
  if (!parsed.success) return 'invalid';
  const before = fingerprint();
  const events = eventCount();
  try {
    write(parsed.data);
  } catch (error) {
    if (!isAppError(error)) throw error;
    expect(fingerprint(), `refused (${error.code}) but the database changed`).toBe(before);
    return 'refused';
  }
  if (history === 'recorded') expect(eventCount(), 'no history recorded').toBeGreaterThan(events);
  if (history === 'none') expect(eventCount(), 'history recorded').toBe(events);
  return 'done';
}

/**
 * Runs the property; the fuzzer must have reached a completed write, and no claim may be left without its history.
 * Random inputs can miss every completed write by chance (CI once drew 30 refusals in a row), so a batch that
 * reached none is followed by more, up to ten: a write that can never complete still fails the test.
 */
function fuzz<T>(arbitrary: fc.Arbitrary<T>, run: (value: T) => Outcome, numRuns = 40) {
  const seen: Record<Outcome, number> = { invalid: 0, refused: 0, done: 0 };
  for (let batch = 0; batch < 10 && (batch === 0 || seen.done === 0); batch++) {
    fc.assert(
      fc.property(arbitrary, (value) => {
        seen[run(value)]++;
      }),
      { numRuns },
    );
  }
  expect(seen.done, JSON.stringify(seen)).toBeGreaterThan(0);
  expect(databaseHealth().claimsWithoutEvents).toEqual([]);
}

const TIMEOUT = 30_000;

/**
 * The claim a form names and one of its rows (`pairs`: "claimId rowId" strings): mostly a real
 * pair or, with `fresh`, no row (a new one); sometimes another claim's row or a row that is gone.
 */
function claimAndRow(pairs: string[], fresh: boolean): fc.Arbitrary<[string, string]> {
  const real = pairs.map((p) => p.split(' ') as [string, string]);
  const claimIds = ids('select id from claims limit 4');
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...real) },
    ...(fresh ? [{ weight: 3, arbitrary: fc.constantFrom(...claimIds).map((c): [string, string] => [c, '']) }] : []),
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...claimIds), fc.constantFrom(...real.map((r) => r[1]), '999999')) },
  );
}
const sourcePairs = () => sql<string>("select claim_id || ' ' || source_id from claim_sources");
const responsePairs = () => sql<string>("select claim_id || ' ' || id from responses");
/** A value now and then, else null. */
const rarely = <T>(arbitrary: fc.Arbitrary<T>) => fc.oneof({ weight: 1, arbitrary }, { weight: 4, arbitrary: fc.constant(null) });
const text = (good: string[], rejected: string[] = []) => field(['', ...good], rejected);

describe('every write completes or leaves the database as it was', () => {
  it('creating articles', () => {
    fuzz(
      fc.tuple(
        fc.record({
          title: field(['Ferry promises'], [' ', 'x'.repeat(301)]),
          text: field(['The mayor said the ferry runs every hour.', '\r\nOne line.\r\n'], [' ']),
          outlet: text(['Coast Post']),
          publishedAt: text(['2026-11-26'], ['2026-02-30']),
          canonicalUrl: text(['https://example.org/a'], ['javascript:alert(1)']),
        }),
        strays(vocabulary(newArticleSchema).names),
      ),
      ([fields, stray]) =>
        attempt(newArticleSchema, posted({ mode: 'text', ...fields }, stray), 'none', (input) => {
          if (input.mode !== 'text') return;
          // As the action stores it: the previewed paragraphs less the removed ones, under a headline.
          const paragraphs = splitParagraphs(input.text, input.paragraphs ?? detectParagraphBreaks(input.text));
          const body = assembleBody(paragraphs, new Set(input.remove));
          if (!body || input.remove.some((i) => i >= paragraphs.length)) throw fieldError('text', 'Nothing left to store.');
          if (!input.title) throw fieldError('title', 'Give the article its headline.');
          createArticle({ ...input, body, actorId: people.alice });
        }),
    );
  }, TIMEOUT);

  it('recording revisions', () => {
    const articleIds = ids('select id from articles');
    const edits = [
      (body: string) => body.replace(/\d+/, '47'),
      (body: string) => `Update: a paragraph added at the top.\n\n${body}`,
      (body: string) => body.split('\n\n').slice(1).join('\n\n'),
      (body: string) => body,
      () => ' ',
    ];
    fuzz(
      fc.tuple(fc.constantFrom(...articleIds), fc.nat(edits.length - 1), rarely(fc.string()), fc.constantFrom(...actors), fc.boolean()),
      ([articleId, edit, junk, actorId, stale]) => {
        const current = one<string>('select r.body from article_revisions r join articles a on a.current_revision_id = r.id where a.id = ?', articleId) ?? '';
        const currentId = one<number>('select current_revision_id from articles where id = ?', articleId) ?? 1;
        const body = junk ?? edits[edit]!(current);
        // A form rendered before someone else's revision: refused, nothing written.
        const baseRevisionId = String(stale ? Math.max(1, currentId - 1) : currentId);
        return attempt(revisionSchema, posted({ mode: 'text', articleId, baseRevisionId, body }), 'maybe', (input) =>
          createRevision({ articleId: input.articleId, body: input.mode === 'text' ? input.body : '', actorId, baseRevisionId: input.baseRevisionId }),
        );
      },
      40,
    );
  }, TIMEOUT);

  it('creating claims from a selection, with or without a new party', () => {
    // An article of its own: earlier properties may have revised the others to anything.
    const { id: article, body } = createArticle({ title: 'Ferry promises', body: FERRY_BODY, actorId: null });
    fuzz(
      // Mostly the passage really is the article's text there, so creation can succeed.
      fc.tuple(
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: -5, max: 80 }),
        rarely(fc.string({ maxLength: 30 })),
        fc.record({
          statement: text(['The ferry runs hourly.'], [' '.repeat(3), 'x'.repeat(2001)]),
          claimantPartyId: text(ids('select id from parties limit 3'), ['x']),
          newPartyName: text(['Harbour Trust']),
          newPartyKind: field(['person', 'organization'], ['alien']),
        }),
        strays(['statement', 'exact', 'start']),
      ),
      ([start, length, exact, fields, stray]) => {
        const end = start + length;
        const form = posted({ articleId: String(article), start: String(start), end: String(end), exact: exact ?? body.slice(start, end), ...fields }, stray);
        return attempt(createClaimSchema, form, 'recorded', (input) =>
          createClaimFromSelection({ ...input, statement: input.statement || undefined, actorId: people.alice }),
        );
      },
      80,
    );
  }, TIMEOUT);

  it('saving claims: stale versions, verdicts that need a correction note or a second editor, new parties', () => {
    const claimIds = ids('select id from claims');
    const { names } = vocabulary(saveClaimSchema);
    fuzz(
      fc.tuple(
        fc.constantFrom(...claimIds),
        fc.constantFrom('current', 'stale', 'x'),
        fc.record({
          statement: field(['The ferry runs hourly.'], [' ']),
          status: field(['unverified', 'false', 'confirmed', 'retracted']),
          statusNote: text(['Records show otherwise.']),
          savedStatus: field(['unverified', 'false', 'disputed', 'partly_true']),
          correction: text(['We misread the timetable.']),
          published: fc.constantFrom('on', undefined),
          newPartyName: text(['Harbour Trust']),
          claimantPartyId: text(ids('select id from parties')),
        }),
        fc.constantFrom(...actors),
        strays(names),
      ),
      ([id, version, fields, actorId, stray]) => {
        const current = one<number>('select version from claims where id = ?', id) ?? 1;
        const posts = { id, version: version === 'current' ? String(current) : version === 'stale' ? String(Math.max(1, current - 1)) : 'x', ...fields };
        return attempt(saveClaimSchema, posted(posts, stray), 'maybe', (input) =>
          saveClaim({
            id: input.id,
            version: input.overwriteVersion ?? input.version,
            patch: {
              statement: input.statement,
              claimantPartyId: input.claimantPartyId,
              status: input.status,
              statusNote: input.statusNote,
              correction: input.correction,
              published: input.published,
            },
            newParty: input.newParty,
            actorId,
          }),
        );
      },
      80,
    );
  }, TIMEOUT);

  it('linking a passage as another appearance of a claim', () => {
    const [home, elsewhere] = sql<number>('select id from articles order by id');
    const body = one<string>('select body from article_revisions where article_id = ? order by id desc', elsewhere)!;
    const sentences = body.split(/(?<=\.)\s/).filter(Boolean);
    fuzz(
      fc.tuple(fc.constantFrom(...ids('select id from claims where article_id = ?', home)), fc.constantFrom(...sentences, 'words not in it'), fc.constantFrom(0, 0, 0, -1, 1)),
      ([claimId, sentence, shift]) => {
        const start = Math.max(0, body.indexOf(sentence) + shift);
        const form = posted({ articleId: String(elsewhere), claimId, start: String(start), end: String(start + sentence.length), exact: sentence });
        return attempt(linkAppearanceSchema, form, 'recorded', (input) => linkAppearance({ ...input, actorId: people.alice }));
      },
    );
  }, TIMEOUT);

  it('dismissing suggestions', () => {
    fuzz(
      fc.tuple(fc.record({ articleId: field(ids('select id from articles')), exact: field(['The mayor said so.'], ['x'.repeat(20_001)]) }), fc.constantFrom(...actors)),
      ([fields, actorId]) =>
        attempt(dismissSchema, posted(fields), 'none', (input) => dismissSuggestion({ articleId: input.articleId, exact: input.exact, actorId })),
    );
  }, TIMEOUT);

  it('adding and editing a claim’s sources, shared by URL', () => {
    const urls = ['https://records.example/fuzz/1', 'https://records.example/fuzz/2', ...sql<string>('select url from sources limit 3')];
    fuzz(
      fc.tuple(
        claimAndRow(sourcePairs(), true),
        fc.record({
          url: field(urls, ['javascript:alert(1)']),
          title: field(['Harbour timetable'], [' ']),
          publisher: text(['Port authority']),
          publishedAt: text(['2026-01-02'], ['2026-02-30']),
          archivedUrl: text(['https://archive.example/timetable'], ['ftp://archive.example/x']),
          relation: field(['supports', 'contradicts', 'context'], ['proves']),
          excerpt: text(['Boats leave hourly.']),
          note: text(['Checked by phone.']),
        }),
        strays(['claimId', 'sourceId', 'url', 'version']),
        fc.boolean(),
      ),
      ([[claimId, sourceId], fields, stray, stale]) => {
        const version = sourceId ? String((one<number>('select version from claim_sources where claim_id = ? and source_id = ?', claimId, sourceId) ?? 1) - (stale ? 1 : 0)) : '';
        return attempt(sourceSchema, posted({ claimId, sourceId, version, ...fields }, stray), 'recorded', ({ claimId, sourceId, version, url, title, publisher, publishedAt, archivedUrl, relation, excerpt, note }) => {
          const input = { claimId, source: { url, title, publisher, publishedAt, archivedUrl }, relation, excerpt, note, actorId: people.alice };
          return sourceId ? updateClaimSource({ ...input, sourceId, version: version! }) : attachSource(input);
        });
      },
      60,
    );
  }, TIMEOUT);

  it('removing a source from a claim', () => {
    fuzz(
      claimAndRow(sourcePairs(), false),
      ([claimId, sourceId]) =>
        attempt(removeSourceSchema, posted({ claimId, sourceId }), 'recorded', (input) =>
          detachSource({ ...input, actorId: people.alice }),
        ),
      30,
    );
  }, TIMEOUT);

  it('asking for a new copy of a cited source', () => {
    // Demo sources live on reserved names, which are never fetched: cite one that could be.
    attachSource({ claimId: Number(one('select min(id) from claims')), source: { url: 'http://127.0.0.1:9/fuzz/report', title: 'Fuzz report' }, relation: 'context', actorId: null, archive: false });
    // Weighted towards the fetchable source, so that some of the 30 runs always reach a queued snapshot.
    const fetchable = sql<string>("select claim_id || ' ' || source_id from claim_sources join sources on sources.id = source_id where url like 'http://127.0.0.1:9/%'");
    const reserved = sourcePairs().filter((pair) => !fetchable.includes(pair)).slice(0, 3);
    fuzz(
      claimAndRow([...fetchable, ...fetchable, ...fetchable, ...reserved], false),
      ([claimId, sourceId]) => attempt(archiveSourceSchema, posted({ claimId, sourceId }), 'none', (input) => requestSnapshot({ ...input, now: new Date() })),
      30,
    );
  }, TIMEOUT);

  it('retrying failed jobs', () => {
    for (const n of [1, 2]) {
      enqueue({ kind: 'fuzz-noop', payload: { n }, key: `fuzz:${n}`, runAt: new Date() });
      const job = claimJob({ runner: 'fuzz', now: new Date(), leaseMs: 1000, kinds: ['fuzz-noop'] })!;
      failJob({ job, error: 'Fuzz failure', now: new Date(), retry: false });
    }
    fuzz(fc.record({ jobId: field(ids('select id from jobs'), ['-1', 'one']) }), (fields) =>
      attempt(retryJobSchema, posted(fields), 'none', (input) => retryJob({ id: input.jobId, now: new Date() })),
    );
  }, TIMEOUT);

  it('deciding on changes the outlet made, and checking watched articles now', () => {
    const body = 'The ferry to Marrow Island ran every hour.';
    const pendingIds = [1, 2, 3].map((n) => {
      const article = createArticle({ title: `Watched ferry ${n}`, body, actorId: null, watch: { url: `http://127.0.0.1:9/fuzz/${n}`, removedParagraphs: [], schedule: WATCH_SCHEDULE } });
      return String(write((tx) => recordFetchedText(tx, { articleId: article.id, body: `${body} Updated ${n}.`, fetchedUrl: 'http://127.0.0.1:9/', now: new Date() })));
    });
    fuzz(
      fc.tuple(fc.record({ pendingId: field([...pendingIds, '999999'], ['0', 'x']) }), fc.boolean()),
      ([fields, accept]) =>
        attempt(outletChangeSchema, posted(fields), 'maybe', (input) =>
          accept
            ? acceptPendingRevision({ id: input.pendingId, actorId: people.alice, now: new Date() })
            : dismissPendingRevision({ id: input.pendingId, actorId: people.alice, now: new Date() }),
        ),
      30,
    );
    fuzz(fc.record({ articleId: field(ids('select article_id from article_watches'), ['-3']) }), (fields) =>
      attempt(checkNowSchema, posted(fields), 'none', (input) => requestWatch({ articleId: input.articleId, now: new Date() })),
    );
  }, TIMEOUT);

  it('recording responses and requests for comment', () => {
    fuzz(
      fc.tuple(
        claimAndRow(responsePairs(), true),
        fc.record({
          partyId: text(ids('select id from parties limit 4')),
          newPartyName: text(['Ferry Workers Union']),
          stance: text(['confirms', 'disputes', 'no_response'], ['shrugs']),
          quote: text(['We run every hour.']),
          respondedAt: text(['2026-03-01'], ['2026-02-30']),
          sourceUrl: text(['https://records.example/reply'], ['javascript:alert(1)']),
          requestedAt: text(['2026-02-01']),
          deadlineAt: text(['2026-02-10'], ['2026-01-01']),
        }),
        strays(['claimId', 'responseId', 'partyId', 'version']),
        fc.boolean(),
      ),
      ([[claimId, responseId], fields, stray, stale]) => {
        const version = responseId ? String((one<number>('select version from responses where id = ?', responseId) ?? 1) - (stale ? 1 : 0)) : '';
        return attempt(responseSchema, posted({ claimId, responseId, version, ...fields }, stray), 'recorded', ({ responseId, version, ...input }) =>
          responseId ? updateResponse({ ...input, id: responseId, version: version!, actorId: people.alice }) : addResponse({ ...input, actorId: people.alice }),
        );
      },
      60,
    );
  }, TIMEOUT);

  it('removing a response', () => {
    fuzz(
      claimAndRow(responsePairs(), false),
      ([claimId, responseId]) =>
        attempt(removeResponseSchema, posted({ claimId, responseId }), 'recorded', (input) =>
          removeResponse({ claimId: input.claimId, id: input.responseId, actorId: people.alice }),
        ),
      30,
    );
  }, TIMEOUT);

  it('creating and editing parties', () => {
    fuzz(
      fc.tuple(
        fc.record({
          id: text(ids('select id from parties limit 3')),
          name: field(['Harbour Trust', 'Zoë Marchetti'], [' ', 'x'.repeat(201)]),
          kind: field(['person', 'organization', 'government', 'media'], ['alien']),
          description: text(['Runs the harbour.']),
          url: text(['https://harbour.example'], ['javascript:alert(1)']),
        }),
        strays(['id', 'name', 'version']),
        fc.boolean(),
      ),
      ([fields, stray, stale]) => {
        const version = fields.id ? String((one<number>('select version from parties where id = ?', fields.id) ?? 1) - (stale ? 1 : 0)) : '';
        return attempt(partySchema, posted({ ...fields, version }, stray), 'none', ({ id, version, ...input }) =>
          id ? updateParty({ id, version: version!, ...input }) : createParty(input),
        );
      },
    );
  }, TIMEOUT);

  it('merging parties', () => {
    for (let n = 0; n < 8; n++) createParty({ name: `Duplicate party ${n}` });
    fuzz(
      fc.tuple(fc.constantFrom(...ids('select id from parties')), fc.constantFrom(...ids('select id from parties'))),
      ([keepId, removeId]) =>
        attempt(mergeSchema, posted({ keepId, removeId }), 'maybe', (input) => mergeParties({ ...input, actorId: people.alice })),
      40,
    );
  }, TIMEOUT);

  it('reviewing anchors after a revision: accepting, selecting again, marking removed and retracting', () => {
    const reviewable = () => sql<number>("select id from claims where anchor_state in ('fuzzy', 'orphaned') order by id");
    fuzz(
      fc.tuple(
        fc.constantFrom('accept', 'reselect', 'remove'),
        fc.nat(5),
        fc.constantFrom('current', 'current', 'current', 'stale'),
        // The passage proposed for the claim (or the first sentence of its text), words said too often, or missing words.
        fc.constantFrom('proposed', 'proposed', 'said the', 'words that are nowhere'),
        fc.record({
          note: field(['The outlet cut this sentence.'], [' ']),
          retracted: fc.constantFrom('on', undefined),
          correction: text(['The outlet withdrew the sentence.']),
          appearanceId: text(['999999']),
        }),
        fc.constantFrom(...actors),
        fc.boolean(),
      ),
      ([how, pick, version, quote, fields, actorId, signOff]) => {
        // Each run needs claims to review: a freshly revised ferry article when the last ones are resolved.
        if (reviewable().length === 0) reviseFerry();
        setSignOffRequired({ required: signOff });
        const claimId = reviewable()[pick % reviewable().length]!;
        const current = one<number>('select version from claims where id = ?', claimId)!;
        const ref = { articleId: String(one('select article_id from claims where id = ?', claimId)), claimId: String(claimId), version: String(version === 'current' ? current : current + 1) };
        const form = posted({ ...ref, quote: quote === 'proposed' ? proposedWords(claimId) : quote, ...fields });
        const resolution = (input: { claimId: number; appearanceId?: number; version: number }) => ({
          id: input.claimId,
          appearanceId: input.appearanceId,
          version: input.version,
          actorId,
        });
        if (how === 'accept') return attempt(acceptSchema, form, 'recorded', (input) => acceptProposedAnchor(resolution(input)));
        if (how === 'reselect') {
          return attempt(reselectSchema, form, 'recorded', (input) => reselectAnchor({ ...resolution(input), quote: input.quote }));
        }
        return attempt(removeSchema, form, 'recorded', (input) =>
          markAnchorRemoved({ ...resolution(input), note: input.note, retract: input.retracted, correction: input.correction }),
        );
      },
      60,
    );
    setSignOffRequired({ required: true });
  }, TIMEOUT);

  it('moving claims through the workflow, approvals by the verdict’s author included', () => {
    fuzz(
      fc.tuple(
        fc.record({ claimId: field(ids('select id from claims limit 12')), to: field([...WORKFLOW_STATES], ['archived']) }),
        fc.constantFrom(people.alice, people.bruno),
        fc.constantFrom('current', 'stale', 'x'),
      ),
      ([fields, actorId, seen]) => {
        const current = one<number>('select version from claims where id = ?', fields.claimId) ?? 1;
        const version = seen === 'current' ? String(current) : seen === 'stale' ? String(current - 1) : 'x';
        return attempt(moveSchema, posted({ ...fields, version }), 'recorded', (input) => moveClaim({ id: input.claimId, to: input.to, version: input.version, actorId }));
      },
      80,
    );
  }, TIMEOUT);

  it('taking, dropping and assigning claims', () => {
    const actorsByRole = [editor(people.alice), editor(people.bruno), admin(people.ada)];
    fuzz(
      fc.tuple(
        fc.record({ claimId: field(ids('select id from claims limit 6')), assigneeId: text([people.alice, people.bruno, people.ada, 'nobody-by-that-id']) }),
        fc.constantFrom(...actorsByRole),
      ),
      ([fields, actor]) =>
        attempt(assignSchema, posted(fields), 'maybe', (input) => {
          const before = one<string | null>('select assignee_id from claims where id = ?', input.claimId);
          const events = eventCount();
          assignClaim({ id: input.claimId, assigneeId: input.assigneeId, actor });
          // A press that changes nothing (a double click, a second tab) records nothing; any other records the assignment.
          expect(eventCount() - events).toBe(before === input.assigneeId ? 0 : 1);
        }),
      60,
    );
  }, TIMEOUT);

  it('inviting members', () => {
    fuzz(
      fc.record({ email: text(['new.editor@newsroom.example'], ['not an address']), role: field(['editor', 'admin'], ['owner']), days: field(['1', '7', '30'], ['31']) }),
      (fields) =>
        attempt(inviteSchema, posted(fields), 'none', (input) =>
          createInvite({ role: input.role, email: input.email || null, createdBy: people.ada, ttlMs: input.days * 86_400_000 }),
        ),
    );
  }, TIMEOUT);

  it('disabling and enabling accounts, the last admin and one’s own account refused', () => {
    fuzz(
      fc.tuple(fc.record({ userId: field([...Object.values(people), 'nobody-by-that-id']), disabled: field(['true', 'false']) }), fc.constantFrom(people.ada, people.otto)),
      ([fields, actorId]) => attempt(disableSchema, posted(fields), 'none', (input) => setUserDisabled({ id: input.userId, disabled: input.disabled, actorId })),
    );
  }, TIMEOUT);

  it('setting the sign-off rule', () => {
    fuzz(fc.record({ required: field(['true', 'false'], ['maybe']) }), (fields) =>
      attempt(signOffSchema, posted(fields), 'none', (input) => setSignOffRequired({ required: input.required })),
    );
    setSignOffRequired({ required: true });
  }, TIMEOUT);

  // Last: they delete what earlier properties work on.
  it('withdrawing published claims: a public note and the current version, drafts and withdrawn claims refused', () => {
    const { claimOn } = ferryArticle();
    claimOn('crossings to Marrow Island would double by next summer');
    claimOn('the new pier would open in the spring');
    fuzz(
      fc.tuple(
        fc.record({ id: field(ids('select id from claims order by id desc limit 8')), note: field(['The figure came from a draft report; we withdraw it.', '“Wrong quay” 🚢'], [' ', 'x'.repeat(2001)]) }),
        fc.boolean(),
        strays(vocabulary(withdrawClaimSchema).names),
      ),
      ([fields, stale, stray]) => {
        const version = (one<number>('select version from claims where id = ?', fields.id) ?? 1) + (stale ? 1 : 0);
        const form = posted({ ...fields, articleId: '1', version: String(version) }, stray);
        return attempt(withdrawClaimSchema, form, 'recorded', (input) =>
          withdrawClaim({ id: input.id, version: input.version, note: input.note, actorId: people.alice }),
        );
      },
      60,
    );
    expect(one<number>("select count(*) from claims where withdrawn_at is not null and published = 1")).toBe(0);
  }, TIMEOUT);

  it('deleting draft claims and articles: anything readers may have seen refused', () => {
    // Drafts of their own, so deletions can complete; every earlier claim stays a candidate to be refused.
    for (let i = 0; i < 4; i++) {
      const { id, body } = createArticle({ title: `Ferry drafts ${i}`, body: FERRY_BODY, actorId: null });
      const quote = 'the morning boat had been cancelled nine times in October';
      const start = body.indexOf(quote);
      for (const actorId of actors) createClaimFromSelection({ articleId: id, start, end: start + quote.length, exact: quote, actorId });
    }
    const seen = () => sql<number>("select id from claims where published = 1 or withdrawn_at is not null or id in (select claim_id from claim_events where kind = 'published')");
    const before = seen();
    fuzz(
      fc.tuple(fc.record({ id: field(ids('select id from claims order by id desc limit 20')), articleId: field(['1']) }), strays(['id'])),
      ([fields, stray]) => attempt(deleteClaimSchema, posted(fields, stray), 'maybe', (input) => deleteDraftClaim({ id: input.id })),
      60,
    );
    fuzz(
      fc.tuple(fc.record({ id: field(ids('select id from articles order by id desc limit 8')) }), strays(['id'])),
      ([fields, stray]) => attempt(deleteArticleSchema, posted(fields, stray), 'maybe', (input) => deleteDraftArticle({ id: input.id })),
      30,
    );
    // Every claim readers may have seen is still there, with its history.
    expect(sql<number>(`select id from claims where id in (${before.join(',')})`)).toEqual(before);
    expect(databaseHealth().claimsWithoutEvents).toEqual([]);
  }, TIMEOUT);

  it('importing other fact-checkers’ reviews: a whole document or nothing', () => {
    // Good documents and names are weighted up: a hostile one is refused whatever else is posted, and 40 runs must reach an import.
    const documents = fc.oneof(
      { weight: 1, arbitrary: fc.constantFrom(...['fuzz-a', 'fuzz-b', 'fuzz-c'].map((tag) => JSON.stringify(fixtureFeed(tag)))) },
      { weight: 1, arbitrary: fc.constantFrom(...hostileDocuments('fuzz-h').map((d) => d.text), '', 'null') },
    );
    const names = fc.oneof({ weight: 2, arbitrary: fc.constant('feed.jsonld') }, { weight: 1, arbitrary: fc.constantFrom('', 'x'.repeat(600)) });
    fuzz(
      fc.tuple(documents, names, fc.constantFrom(...actors), fc.boolean()),
      ([text, name, actorId, asFile]) => {
        const form = asFile ? { mode: 'file', file: { name, size: text.length, text } } : { mode: 'file' };
        return attempt(importSchema, form, 'none', (input) => {
          if (input.mode !== 'file') return;
          // As the action does: a refusal of the document is the editor's message beside the file field.
          const parsed = parseClaimReviews([input.file.text]);
          if (!parsed.ok) throw fieldError('file', parsed.message);
          importExternalReviews({ reviews: parsed.reviews, kind: 'file', source: input.file.name, actorId });
        });
      },
      40,
    );
  }, TIMEOUT);

  it('confirming and rejecting suggested matches: stale screens refused, history recorded', () => {
    // Reviews of claims this database tracks, so the similarity search suggests them.
    const statements = sql<string>('select statement from claims order by id limit 6');
    importExternalReviews({
      reviews: statements.map((claimReviewed, i) => parsedReview({ reviewUrl: `https://fuzz-checks.example/${i}`, organisation: 'Fuzz Fact Desk', claimReviewed })),
      kind: 'file',
      source: 'fuzz.json',
      actorId: null,
    });
    const pairs = sql<string>("select review_id || ' ' || claim_id from external_review_matches");
    expect(pairs.length).toBeGreaterThan(0);
    fuzz(
      fc.tuple(
        fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...pairs) }, { weight: 1, arbitrary: fc.constant('999999 1') }),
        fc.constantFrom('current', 'current', 'stale', 'x'),
        field(['confirm', 'reject'], ['accept', '']),
        fc.constantFrom(...actors),
      ),
      ([pair, version, decision, actorId]) => {
        const [reviewId, claimId] = pair.split(' ') as [string, string];
        const current = one<number>('select version from external_review_matches where review_id = ? and claim_id = ?', reviewId, claimId) ?? 1;
        const posts = { reviewId, claimId, decision, version: version === 'current' ? String(current) : version === 'stale' ? String(current + 1) : 'x' };
        return attempt(decideSchema, posted(posts), 'recorded', (input) => decideExternalMatch({ ...input, actorId }));
      },
      40,
    );
  }, TIMEOUT);

  it('naming a review’s claim by hand: a claim of ours or a clear refusal', () => {
    const site = 'https://claims.example';
    importExternalReviews({
      reviews: [1, 2].map((i) => parsedReview({ reviewUrl: `https://fuzz-checks.example/by-hand/${i}`, organisation: 'Fuzz Fact Desk', claimReviewed: `A lighthouse keeper counted ${i} storms` })),
      kind: 'file',
      source: 'by-hand.json',
      actorId: null,
    });
    const reviews = ids("select id from external_reviews where review_url like 'https://fuzz-checks.example/by-hand/%'");
    const claimIds = ids('select id from claims');
    const references = fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...claimIds) },
      { weight: 1, arbitrary: fc.constantFrom(...claimIds).map((id) => `${site}/claims/${id}/some-slug?utm_source=x`) },
      { weight: 1, arbitrary: fc.constantFrom('', '   ', '0', '#', 'https://other.example/claims/1/x', '/articles/x', '٤٢', 'x'.repeat(2100), '1\u0000') },
      { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
    );
    fuzz(
      fc.tuple(fc.constantFrom(...reviews, 'x'), references, fc.constantFrom(...actors)),
      ([reviewId, claim, actorId]) =>
        attempt(matchSchema, posted({ reviewId, claim }), 'recorded', (input) => {
          // As the action does: a reference that names no claim of ours is refused beside the field.
          const claimId = claimIdFromReference(input.claim, site);
          if (!claimId) throw fieldError('claim', 'not ours');
          matchExternalReview({ reviewId: input.reviewId, claimId, actorId, field: 'claim' });
        }),
      40,
    );
  }, TIMEOUT);

  it('removing a review: gone with its suggestions, or refused while readers see it', () => {
    importExternalReviews({
      reviews: [1, 2, 3].map((i) => parsedReview({ reviewUrl: `https://fuzz-checks.example/remove/${i}`, organisation: 'Fuzz Fact Desk', claimReviewed: `A ferry pilot counted ${i} fog days` })),
      kind: 'file',
      source: 'remove.json',
      actorId: null,
    });
    // Confirmed ones among them are refused, so the property sees refusals as well as removals.
    const shown = ids("select distinct review_id from external_review_matches where state = 'confirmed'");
    const removable = ids("select id from external_reviews where review_url like 'https://fuzz-checks.example/remove/%'");
    fuzz(fc.tuple(fc.record({ reviewId: fc.oneof(fc.constantFrom(...removable, ...shown), fc.constantFrom('', '-1', 'x', '1e3')) }), strays(['reviewId'])), ([fields, stray]) =>
      attempt(removeReviewSchema, posted(fields, stray), 'none', (input) => removeExternalReview(input)),
    );
    // Whichever were drawn: no suggestion outlives its review, and every review readers see is still there.
    expect(one<number>('select count(*) from external_review_matches where review_id not in (select id from external_reviews)')).toBe(0);
    const stillShown = shown.filter((id) => id !== '999999');
    expect(one<number>(`select count(*) from external_reviews where id in (${stillShown.map(() => '?').join(',') || 'null'})`, ...stillShown)).toBe(stillShown.length);
  }, TIMEOUT);

  it('removing the demo content: the demo goes, everything else stays', () => {
    const own = () => sql<number>('select id from claims where article_id in (select id from articles where demo = 0)');
    const before = own();
    fuzz(fc.tuple(fc.record({ demo: field(['remove'], ['keep', 'REMOVE']) }), strays(['demo'])), ([fields, stray]) =>
      attempt(removeDemoSchema, posted(fields, stray), 'maybe', () => removeDemoContent()),
    );
    expect(one<number>('select count(*) from articles where demo = 1')).toBe(0);
    expect(own()).toEqual(before);
  }, TIMEOUT);
});

/** The words at a fuzzy claim's proposed passage, else the first sentence of its article's current text. */
function proposedWords(claimId: number): string {
  const claim = getDb().$client.prepare('select anchor_state, anchor_start, anchor_end, article_id from claims where id = ?').get(claimId) as {
    anchor_state: string;
    anchor_start: number;
    anchor_end: number;
    article_id: number;
  };
  const body = one<string>('select r.body from article_revisions r join articles a on a.current_revision_id = r.id where a.id = ?', claim.article_id)!;
  return claim.anchor_state === 'fuzzy' ? body.slice(claim.anchor_start, claim.anchor_end) : body.split('\n')[0]!;
}

/** The ferry article with published claims, revised so that one passage changed and one was lost. */
function reviseFerry() {
  const { article, claimOn } = ferryArticle();
  claimOn('the morning boat had been cancelled nine times in October');
  claimOn('the fares would not rise this year either');
  const body = FERRY_BODY.replace('nine times', 'eight times').replace(/\n\nThe operator said[^\n]*$/, '');
  createRevision({ articleId: article.id, body, actorId: null });
}
