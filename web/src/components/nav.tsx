'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useAuth } from '../lib/auth/auth-provider';

const LINKS = [
  { href: '/session', label: 'Session' },
  { href: '/dashboard', label: 'Dashboard' },
  { href: '/companion', label: 'Companion' },
  { href: '/stories', label: 'Stories' },
  { href: '/coach', label: 'Coach' },
];

export function Nav() {
  const { status, user, signOut } = useAuth();
  const path = usePathname();
  return (
    <header className="nav">
      <Link href="/" className="brand">
        MindScape
      </Link>
      <nav aria-label="Main">
        <ul>
          {LINKS.map((link) => (
            <li key={link.href}>
              <Link
                href={link.href}
                aria-current={
                  path === link.href || path.startsWith(`${link.href}/`) ? 'page' : undefined
                }
              >
                {link.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {status === 'signed-in' && (
        <div className="who">
          <span>{user?.displayName}</span>
          <button type="button" onClick={() => void signOut()}>
            Sign out
          </button>
        </div>
      )}
    </header>
  );
}
