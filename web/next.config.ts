import type { NextConfig } from 'next';

/**
 * Security and audio headers for every page. Cross-origin isolation (COOP + COEP) gives the
 * audio engine precise timers and SharedArrayBuffer should it need them; the gateway answers
 * CORS, so isolation does not block the graph. The content security policy, which names the
 * gateway, is set per request in src/proxy.ts (the gateway's address is runtime configuration).
 */
const config: NextConfig = {
  reactStrictMode: true,
  // One build folder per checkout by default; NEXT_DIST_DIR lets two builds share a tree.
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
  poweredByHeader: false,
  // The workspace packages are TypeScript sources; Next compiles them with the app.
  transpilePackages: ['@mindscape/audio-worklets', '@mindscape/biosignals'],
  // The workspace packages import their own modules as `./x.js` (NodeNext), which names the
  // TypeScript file `./x.ts`; webpack is told so (Turbopack cannot be, yet: builds use webpack).
  webpack(config: { resolve: { extensionAlias?: Record<string, string[]> } }) {
    config.resolve.extensionAlias = { '.js': ['.ts', '.tsx', '.js'] };
    return config;
  },
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
          { key: 'Cross-Origin-Embedder-Policy', value: 'require-corp' },
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'same-origin' },
          // The microphone for the companion's speech input (asked only when the person taps Speak).
          { key: 'Permissions-Policy', value: 'bluetooth=(self), microphone=(self), camera=()' },
        ],
      },
      {
        // The worklet module: built beside the app (scripts/worklet.ts), never chunked by Next.
        source: '/worklets/:file*',
        headers: [
          { key: 'Cross-Origin-Resource-Policy', value: 'same-origin' },
          { key: 'Cache-Control', value: 'no-cache' },
        ],
      },
    ];
  },
};

export default config;
