import Link from 'next/link';

export default function Forbidden() {
  return (
    <div className="py-16 text-center">
      <h1 className="text-3xl font-bold">Not allowed</h1>
      <p className="muted mt-3">Your account cannot open this page. Ask an admin if you need access.</p>
      <p className="mt-6">
        <Link href="/edit">Back to the workspace</Link>
      </p>
    </div>
  );
}
