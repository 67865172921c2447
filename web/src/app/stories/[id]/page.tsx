import type { Metadata } from 'next';
import { SignedInOnly } from '../../../components/states';
import { StoryEditor } from '../../../studio/editor/story-editor';

export const metadata: Metadata = { title: 'Story editor · MindScape' };

export default async function StoryEditorPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <SignedInOnly>
      <StoryEditor storyId={id} />
    </SignedInOnly>
  );
}
