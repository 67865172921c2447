'use client';

import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { GraphClient } from '../graph/client';
import {
  refreshRequest,
  secondsLeft,
  signInRequest,
  signOutRequest,
  signUpRequest,
  type Person,
  type SignedIn,
} from './auth-client';

type Status = 'loading' | 'signed-out' | 'signed-in';

interface AuthValue {
  status: Status;
  user: Person | null;
  graph: GraphClient;
  signIn(email: string, password: string): Promise<void>;
  signUp(email: string, password: string, displayName: string): Promise<void>;
  signOut(): Promise<void>;
}

const AuthContext = createContext<AuthValue | null>(null);

/** Refresh this long before the access token expires. */
const REFRESH_AHEAD_SECONDS = 60;

/**
 * Who is signed in, and the graph client that acts for them. The access token lives in memory
 * only; it is refreshed silently a minute before it expires and whenever the graph refuses it.
 */
export function AuthProvider({
  gatewayUrl,
  children,
}: {
  gatewayUrl: string;
  children: React.ReactNode;
}) {
  const [status, setStatus] = useState<Status>('loading');
  const [user, setUser] = useState<Person | null>(null);
  const token = useRef<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const adopt = useCallback((signedIn: SignedIn | null) => {
    clearTimeout(timer.current);
    token.current = signedIn?.accessToken ?? null;
    setUser(signedIn?.user ?? null);
    setStatus(signedIn ? 'signed-in' : 'signed-out');
    if (signedIn) {
      const wait = Math.max(5, secondsLeft(signedIn.accessToken) - REFRESH_AHEAD_SECONDS);
      timer.current = setTimeout(() => {
        refreshRequest().then(adopt, () => {
          // Offline for now: try again shortly; the token may still be good.
          timer.current = setTimeout(() => void refreshRequest().then(adopt, () => undefined), 15_000);
        });
      }, wait * 1000);
    }
  }, []);

  const graph = useMemo(
    () =>
      new GraphClient(gatewayUrl, {
        token: () => token.current,
        refresh: async () => {
          const next = await refreshRequest().catch(() => null);
          adopt(next);
          return next?.accessToken ?? null;
        },
        freshToken: async () => {
          if (token.current && secondsLeft(token.current) > 30) return token.current;
          const next = await refreshRequest().catch(() => null);
          adopt(next);
          return next?.accessToken ?? null;
        },
      }),
    [gatewayUrl, adopt],
  );

  useEffect(() => {
    refreshRequest().then(adopt, () => adopt(null));
    return () => clearTimeout(timer.current);
  }, [adopt]);

  const value = useMemo<AuthValue>(
    () => ({
      status,
      user,
      graph,
      signIn: async (email, password) => adopt(await signInRequest(email, password)),
      signUp: async (email, password, displayName) =>
        adopt(await signUpRequest(email, password, displayName)),
      signOut: async () => {
        await signOutRequest(token.current);
        graph.close();
        adopt(null);
      },
    }),
    [status, user, graph, adopt],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside AuthProvider');
  return value;
}
