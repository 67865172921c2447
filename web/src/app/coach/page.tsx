import type { Metadata } from 'next';
import { Coach } from '../../coach/coach';
import { SignedInOnly } from '../../components/states';

export const metadata: Metadata = { title: 'Coach · MindScape' };

export default function CoachPage() {
  return (
    <SignedInOnly>
      <Coach />
    </SignedInOnly>
  );
}
