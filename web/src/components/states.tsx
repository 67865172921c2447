'use client';

import Link from 'next/link';
import { useAuth } from '../lib/auth/auth-provider';
import { SignInForm } from './sign-in-form';

export function Loading({ what }: { what: string }) {
  return (
    <p role="status" aria-live="polite" className="muted">
      Loading {what}…
    </p>
  );
}

export function ErrorNote({ message }: { message: string | null }) {
  return message ? (
    <p role="alert" className="error">
      {message}
    </p>
  ) : null;
}

export function Empty({ children }: { children: React.ReactNode }) {
  return <p className="muted empty">{children}</p>;
}

/** Shows its children to a signed-in person, the sign-in form to anyone else. */
export function SignedInOnly({ children }: { children: React.ReactNode }) {
  const { status } = useAuth();
  if (status === 'loading') return <Loading what="your account" />;
  if (status === 'signed-out')
    return (
      <section aria-labelledby="signin-title" className="card narrow">
        <h1 id="signin-title">Sign in to continue</h1>
        <SignInForm />
        <p className="muted">
          <Link href="/">About MindScape</Link>
        </p>
      </section>
    );
  return <>{children}</>;
}
