'use client';

import { useState } from 'react';
import { Chat } from './chat';
import { MemoryBrowser } from './memory-browser';
import { CompanionProfileEditor } from './profile';

/** The companion page: the conversation first, then what it remembers, then who it is. */
export function Companion() {
  // Bumped after each answered message: the memory list may have grown.
  const [memoryVersion, setMemoryVersion] = useState(0);
  return (
    <div className="stack">
      <h1>Companion</h1>
      <Chat onTurnDone={() => setMemoryVersion((v) => v + 1)} />
      <MemoryBrowser version={memoryVersion} />
      <CompanionProfileEditor />
    </div>
  );
}
