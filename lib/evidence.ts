/** How a source's address answered when last fetched (db/schema.ts sourceChecks), in editors' words. */
export const SOURCE_CHECK_LABELS = {
  ok: 'Online',
  moved: 'Moved',
  changed: 'Changed since cited',
  gone: 'Gone',
  unreachable: 'Unreachable',
} as const;

export type SourceCheckState = keyof typeof SOURCE_CHECK_LABELS;

/** States an editor should look at: the evidence a reader follows may no longer say what was cited. */
export const NEEDS_ATTENTION: readonly SourceCheckState[] = ['moved', 'changed', 'gone', 'unreachable'];
