'use client';

import Link from 'next/link';
import { SignInForm } from '../components/sign-in-form';
import { Loading } from '../components/states';
import { useAuth } from '../lib/auth/auth-provider';

export default function Home() {
  const { status, user } = useAuth();
  return (
    <div className="stack">
      <h1>Sound that follows your heart</h1>
      <p>
        MindScape plays binaural beats, breathing guides and noise that listen to your body: your
        heart rate and its variability, streamed from a strap or a wearable, steer the sound toward
        calm, within a breath.
      </p>
      {status === 'loading' && <Loading what="your account" />}
      {status === 'signed-out' && (
        <section className="card narrow" aria-label="Sign in or create an account">
          <SignInForm />
        </section>
      )}
      {status === 'signed-in' && (
        <section className="card" aria-label="Where to go">
          <p>Welcome back, {user?.displayName}.</p>
          <ul className="links">
            <li>
              <Link href="/session">Start a live session</Link>
            </li>
            <li>
              <Link href="/dashboard">Open your dashboard</Link>
            </li>
          </ul>
        </section>
      )}
    </div>
  );
}
