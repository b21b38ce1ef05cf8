import Link from 'next/link';

export default function NotFound() {
  return (
    <div className="py-16 text-center">
      <h1 className="text-3xl font-bold">Page not found</h1>
      <p className="muted mt-3">This claim or article does not exist, or it has not been published.</p>
      <p className="mt-6">
        <Link href="/">Back to the articles</Link>
      </p>
    </div>
  );
}
