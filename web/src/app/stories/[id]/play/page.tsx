import type { Metadata } from 'next';
import { SignedInOnly } from '../../../../components/states';
import { StoryPlayer } from '../../../../studio/player/player';

export const metadata: Metadata = { title: 'Reading · MindScape' };

export default async function PlayPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <SignedInOnly>
      <StoryPlayer storyId={id} />
    </SignedInOnly>
  );
}
