import type { Metadata } from 'next';
import { newFormKey } from '@/lib/form-fields';
import { requirePageUser } from '@/lib/server/session';
import { NewArticleForm } from './new-article-form';

export const metadata: Metadata = { title: 'New article' };

export default async function NewArticlePage() {
  await requirePageUser('editor');
  return (
    <div>
      <h1 className="mb-4 text-2xl font-bold">New article</h1>
      {/* The article's one-time key, drawn with the page: its preview hands it on to the create step. */}
      <NewArticleForm formKey={newFormKey()} />
    </div>
  );
}
