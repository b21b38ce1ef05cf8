import { renderMarkdown } from '@/lib/markdown';

/** An admin's Markdown, rendered and sanitised by lib/markdown.ts (the only way it reaches a page). */
export function PolicyText({ markdown }: { markdown: string }) {
  return <div className="policy-text" dangerouslySetInnerHTML={{ __html: renderMarkdown(markdown) }} />;
}
