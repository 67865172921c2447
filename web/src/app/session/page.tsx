import type { Metadata } from 'next';
import { SignedInOnly } from '../../components/states';
import { LiveSession } from '../../session/live-session';

export const metadata: Metadata = { title: 'Live session · MindScape' };

export default function SessionPage() {
  return (
    <SignedInOnly>
      <LiveSession />
    </SignedInOnly>
  );
}
