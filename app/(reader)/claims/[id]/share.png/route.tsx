import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ImageResponse } from 'next/og';
import { parseId } from '@/lib/params';
import { STATUS_INFO } from '@/lib/status';
import { safeText } from '@/lib/text';
import { cached, invalidateHere, tags } from '@/lib/server/cache';
import { cachedResponse } from '@/lib/server/http';
import { readClaim } from '@/lib/server/reader';
import { publisher } from '@/lib/server/site';
import { quoted } from '@/lib/quotes';

// DejaVu Sans ships in assets/fonts (licence beside it): no network fonts.
let fonts: Promise<Buffer[]> | undefined;
const loadFonts = () =>
  (fonts ??= Promise.all(
    ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((f) =>
      readFile(path.join(/*turbopackIgnore: true*/ process.cwd(), 'assets/fonts', f)),
    ),
  ));

// By code points, so an emoji is never cut in half; safeText drops controls a stored row may still hold.
const clip = (raw: string, max: number) => {
  const chars = [...safeText(raw)];
  return chars.length > max ? `${chars.slice(0, max - 1).join('').trimEnd()}…` : chars.join('');
};

/** The share image (Open Graph / Twitter card) of a claim: its status and statement. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = parseId((await params).id);
  const claim = id ? readClaim(id) : null;
  if (!claim) return new Response('Not found', { status: 404 });
  const org = safeText((await publisher()).name);
  // Rendering takes tens of milliseconds: keep the bytes until the claim changes.
  const failed = `share-failed:${claim.id}`;
  const png = await cached(`share:${claim.id}`, [tags.claim(claim.id), tags.article(claim.articleId), failed], () =>
    render(claim, org),
  ).catch((error: unknown) => {
    invalidateHere([failed]); // do not keep a failed render (only this process holds it)
    throw error;
  });
  return cachedResponse(request, png, { contentType: 'image/png' });
}

async function render(claim: NonNullable<ReturnType<typeof readClaim>>, org: string): Promise<Uint8Array> {
  const [regular, bold] = await loadFonts();
  const info = STATUS_INFO[claim.status];
  const statement = clip(claim.statement, 180);
  const image = new ImageResponse(
    (
      <div
        style={{
          width: '100%',
          height: '100%',
          display: 'flex',
          flexDirection: 'column',
          justifyContent: 'space-between',
          padding: 64,
          background: '#fcfcfa',
          color: '#1c1917',
          fontFamily: 'DejaVu Sans',
          borderTop: `16px solid ${info.colour.solid}`,
        }}
      >
        <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', fontSize: 28 }}>
          <span style={{ color: '#57534e' }}>{org}</span>
          <span
            style={{
              display: 'flex',
              gap: 12,
              padding: '8px 24px',
              borderRadius: 999,
              background: info.colour.bg,
              color: info.colour.fg,
              border: `3px solid ${info.colour.solid}`,
              fontWeight: 700,
              fontSize: 36,
            }}
          >
            <span>{info.icon}</span>
            <span>{info.label}</span>
          </span>
        </div>
        <div style={{ display: 'flex', fontSize: statement.length > 110 ? 44 : 56, fontWeight: 700, lineHeight: 1.25 }}>
          {quoted(statement)}
        </div>
        <div style={{ display: 'flex', fontSize: 26, color: '#57534e' }}>
          {clip(`${claim.claimant ? `${claim.claimant.name} · ` : ''}${claim.article.outlet} · ${claim.article.title}`, 72)}
        </div>
      </div>
    ),
    {
      width: 1200,
      height: 630,
      fonts: [
        { name: 'DejaVu Sans', data: regular!, weight: 400, style: 'normal' },
        { name: 'DejaVu Sans', data: bold!, weight: 700, style: 'normal' },
      ],
    },
  );
  return new Uint8Array(await image.arrayBuffer());
}
