import type { Metadata } from 'next';
import { SignedInOnly } from '../../components/states';
import { Dashboard } from '../../dashboard/dashboard';

export const metadata: Metadata = { title: 'Dashboard · MindScape' };

export default function DashboardPage() {
  return (
    <SignedInOnly>
      <Dashboard />
    </SignedInOnly>
  );
}
