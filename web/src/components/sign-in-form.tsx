'use client';

import { useId, useState } from 'react';
import { AuthError } from '../lib/auth/auth-client';
import { useAuth } from '../lib/auth/auth-provider';
import { ErrorNote } from './states';

/** Sign in, or create an account (the same form with a name). */
export function SignInForm() {
  const { signIn, signUp } = useAuth();
  const [mode, setMode] = useState<'sign-in' | 'sign-up'>('sign-in');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get('email') ?? '');
    const password = String(form.get('password') ?? '');
    setBusy(true);
    setError(null);
    try {
      if (mode === 'sign-up') await signUp(email, password, String(form.get('displayName') ?? ''));
      else await signIn(email, password);
    } catch (caught) {
      setError(
        caught instanceof AuthError
          ? caught.code === 'UNAUTHENTICATED'
            ? 'That email and password do not match an account.'
            : caught.message
          : 'Something went wrong. Try again.',
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      onSubmit={(event) => void submit(event)}
      aria-describedby={`${id}-mode`}
      className="stack"
    >
      <p id={`${id}-mode`} className="muted">
        {mode === 'sign-in' ? 'Sign in to your account.' : 'Create an account.'}
      </p>
      {mode === 'sign-up' && (
        <label>
          Name
          <input name="displayName" autoComplete="nickname" required maxLength={100} />
        </label>
      )}
      <label>
        Email
        <input name="email" type="email" autoComplete="email" required maxLength={320} />
      </label>
      <label>
        Password
        <input
          name="password"
          type="password"
          autoComplete={mode === 'sign-up' ? 'new-password' : 'current-password'}
          required
          minLength={mode === 'sign-up' ? 10 : 1}
          maxLength={1024}
        />
      </label>
      <ErrorNote message={error} />
      <button type="submit" disabled={busy}>
        {busy ? 'One moment…' : mode === 'sign-in' ? 'Sign in' : 'Create account'}
      </button>
      <button
        type="button"
        className="link"
        onClick={() => {
          setMode(mode === 'sign-in' ? 'sign-up' : 'sign-in');
          setError(null);
        }}
      >
        {mode === 'sign-in' ? 'New here? Create an account' : 'Have an account? Sign in'}
      </button>
    </form>
  );
}
