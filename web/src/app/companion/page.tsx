import type { Metadata } from 'next';
import { SignedInOnly } from '../../components/states';
import { Companion } from '../../companion/companion';

export const metadata: Metadata = { title: 'Companion · MindScape' };

export default function CompanionPage() {
  return (
    <SignedInOnly>
      <Companion />
    </SignedInOnly>
  );
}
