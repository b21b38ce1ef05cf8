'use client';

import { useRouter, useSearchParams } from 'next/navigation';
import { useCallback, useEffect, useRef, useState } from 'react';

type Selected = { start: number; end: number; top: number; left: number };

/**
 * The offset in the body of a DOM point inside the annotator. Inside a
 * segment's text node it is the segment's data-start plus the offset in that
 * node (both UTF-16 code units, like the server's strings), so emoji, RTL and
 * combining marks agree with the server. Any other point (between paragraphs,
 * on a claim number) counts as the start of the next segment.
 */
function pointOffset(root: HTMLElement, node: Node, offset: number): number | null {
  if (node.nodeType === Node.TEXT_NODE) {
    const segment = node.parentElement;
    if (segment?.dataset.start !== undefined && root.contains(segment)) return Number(segment.dataset.start) + offset;
  }
  const segments = root.querySelectorAll<HTMLElement>('[data-start]');
  if (!segments.length) return null;
  const point = document.createRange();
  point.setStart(node, offset);
  // Segments are in document order: binary search for the first one at or after the point.
  let low = 0;
  let high = segments.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (point.comparePoint(segments[mid]!, 0) >= 0) high = mid;
    else low = mid + 1;
  }
  const next = segments[low];
  return next ? Number(next.dataset.start) : Number(segments[segments.length - 1]!.dataset.end);
}

/** The DOM point at a body offset: inside the segment that holds it (binary search, segments are in order). */
function offsetPoint(root: HTMLElement, offset: number): { node: Node; offset: number } | null {
  const segments = root.querySelectorAll<HTMLElement>('[data-start]');
  let low = 0;
  let high = segments.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const segment = segments[mid]!;
    const start = Number(segment.dataset.start);
    const end = Number(segment.dataset.end);
    if (offset < start) high = mid - 1;
    else if (offset > end) low = mid + 1;
    else return segment.firstChild ? { node: segment.firstChild, offset: offset - start } : null;
  }
  return null;
}

function bodyRange(root: HTMLElement, start: number, end: number): Range | null {
  const from = offsetPoint(root, start);
  const to = offsetPoint(root, end);
  if (!from || !to) return null;
  const range = document.createRange();
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  return range;
}

// Names of the CSS custom highlights (styled with ::highlight() in globals.css).
const PENDING = 'claimline-pending';
const OPEN = 'claimline-open';

const NAVIGATION_KEYS = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown', 'Tab', 'Escape', 'Shift', 'Control', 'Alt', 'Meta']);

/**
 * Makes the article text selectable by mouse and keyboard (a read-only
 * caret: contentEditable whose every edit is refused) and turns a selection
 * into the "Create claim" step: a floating button, or the C key. Clicking a
 * highlight opens its claim. The text itself is rendered by the server and
 * passed in as children, so selecting never re-renders the body.
 */
export function Annotator({
  articleId,
  claims,
  children,
}: {
  articleId: number;
  claims: { id: number; start: number; end: number }[];
  children: React.ReactNode;
}) {
  const router = useRouter();
  const params = useSearchParams();
  const root = useRef<HTMLDivElement>(null);
  const [selected, setSelected] = useState<Selected | null>(null);

  // The open claim and the passage being claimed, drawn with the CSS Custom Highlight API
  // (no change to the body's markup); browsers without it still show the claim in the panel.
  const openId = Number(params.get('claim'));
  const pendingStart = Number(params.get('start'));
  const pendingEnd = Number(params.get('end'));
  useEffect(() => {
    const el = root.current;
    if (!el || typeof CSS === 'undefined' || !('highlights' in CSS)) return;
    const ranges = (spans: { start: number; end: number }[]) =>
      spans.map((s) => bodyRange(el, s.start, s.end)).filter((r): r is Range => r !== null);
    CSS.highlights.set(OPEN, new Highlight(...ranges(claims.filter((c) => c.id === openId))));
    const pending = pendingEnd > pendingStart ? [{ start: pendingStart, end: pendingEnd }] : [];
    CSS.highlights.set(PENDING, new Highlight(...ranges(pending)));
    return () => {
      CSS.highlights.delete(OPEN);
      CSS.highlights.delete(PENDING);
    };
  }, [claims, openId, pendingStart, pendingEnd]);

  /** The current selection as body offsets (read fresh: a key pressed right after selecting must not see a stale one). */
  const readSelection = useCallback((): Selected | null => {
    const el = root.current;
    const selection = document.getSelection();
    if (!el || !selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
    const range = selection.getRangeAt(0);
    if (!el.contains(range.commonAncestorContainer)) return null;
    const start = pointOffset(el, range.startContainer, range.startOffset);
    const end = pointOffset(el, range.endContainer, range.endOffset);
    if (start === null || end === null || end <= start) return null;
    const box = range.getBoundingClientRect();
    // Relative to the wrapper the button is positioned in.
    const origin = (el.parentElement ?? el).getBoundingClientRect();
    return { start, end, top: box.bottom - origin.top + 6, left: Math.max(0, box.left - origin.left) };
  }, []);

  useEffect(() => {
    let frame = 0;
    const onChange = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => setSelected(readSelection()));
    };
    document.addEventListener('selectionchange', onChange);
    return () => {
      cancelAnimationFrame(frame);
      document.removeEventListener('selectionchange', onChange);
    };
  }, [readSelection]);

  const createClaim = useCallback(() => {
    const current = readSelection();
    if (!current) return;
    router.push(`/edit/articles/${articleId}?start=${current.start}&end=${current.end}`, { scroll: false });
  }, [articleId, readSelection, router]);

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === 'c' || event.key === 'C') {
      event.preventDefault();
      createClaim();
    } else if (!NAVIGATION_KEYS.has(event.key)) {
      // Read-only: typing, Enter and deletions change nothing.
      event.preventDefault();
    }
  };

  const onClick = (event: React.MouseEvent) => {
    if (!document.getSelection()?.isCollapsed) return;
    const mark = (event.target as Element).closest<HTMLElement>('[data-claim]');
    if (mark) router.push(`/edit/articles/${articleId}?claim=${mark.dataset.claim}`, { scroll: false });
  };

  const refuse = (event: React.SyntheticEvent) => event.preventDefault();

  return (
    <div className="relative">
      <p id="annotator-help" className="muted mb-3 text-sm">
        Select a passage with the mouse, or with Shift and the arrow keys, then press C or “Create claim”. Click a highlight to open its claim.
      </p>
      <div
        ref={root}
        role="textbox"
        aria-label="Article text"
        aria-readonly="true"
        aria-multiline="true"
        aria-describedby="annotator-help"
        contentEditable
        suppressContentEditableWarning
        spellCheck={false}
        inputMode="none"
        tabIndex={0}
        className="caret-[var(--link)] rounded outline-none focus-visible:ring-4 focus-visible:ring-amber-500"
        onKeyDown={onKeyDown}
        onBeforeInput={refuse}
        onPaste={refuse}
        onCut={refuse}
        onDrop={refuse}
        onClick={onClick}
      >
        {children}
      </div>
      {selected ? (
        <button
          type="button"
          className="absolute top-0 left-0 z-10 rounded bg-[var(--link)] px-3 py-1 text-sm font-semibold text-white shadow-lg dark:text-black"
          // A transform moves it without a new layout of a possibly very long text.
          style={{ transform: `translate(${selected.left}px, ${selected.top}px)` }}
          // Keep the selection when the button is pressed with the mouse.
          onMouseDown={(event) => event.preventDefault()}
          onClick={createClaim}
          aria-keyshortcuts="C"
        >
          Create claim
        </button>
      ) : null}
    </div>
  );
}
