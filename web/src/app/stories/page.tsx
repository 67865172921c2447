import type { Metadata } from 'next';
import { SignedInOnly } from '../../components/states';
import { StoryLibrary } from '../../studio/library/library';

export const metadata: Metadata = { title: 'Stories · MindScape' };

export default function StoriesPage() {
  return (
    <SignedInOnly>
      <StoryLibrary />
    </SignedInOnly>
  );
}
