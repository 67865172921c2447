import type { Metadata } from 'next';
import { connection } from 'next/server';
import { AuthProvider } from '../lib/auth/auth-provider';
import { Nav } from '../components/nav';
import './globals.css';

export const metadata: Metadata = {
  title: 'MindScape',
  description: 'Sound that follows your heart, and a live view of your body.',
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // The gateway's address is read per request, so one build serves any deployment.
  await connection();
  const gatewayUrl = process.env.GATEWAY_URL ?? 'http://127.0.0.1:4000/graphql';
  return (
    <html lang="en">
      <body>
        <a className="skip" href="#main">
          Skip to content
        </a>
        <AuthProvider gatewayUrl={gatewayUrl}>
          <Nav />
          <main id="main" tabIndex={-1}>
            {children}
          </main>
        </AuthProvider>
      </body>
    </html>
  );
}
