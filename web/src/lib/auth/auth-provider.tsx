'use client';

import { createContext, useContext, useEffect, useMemo, useState } from 'react';
import { GraphClient, type TokenSource } from '../graph/client';
import {
  AuthError,
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
const OFFLINE_RETRY_MS = 15_000;

/**
 * The access token, in memory only (never in storage a script could read later), and the one
 * way to renew it. The graph client asks it for tokens; React hears of every change.
 */
class SessionTokens implements TokenSource {
  private accessToken: string | null = null;
  private onChange: (signedIn: SignedIn | null) => void = () => undefined;

  /** One listener (the provider): told of every sign-in, refresh and sign-out. */
  listen(listener: (signedIn: SignedIn | null) => void): () => void {
    this.onChange = listener;
    return () => {
      this.onChange = () => undefined;
    };
  }

  token(): string | null {
    return this.accessToken;
  }

  set(signedIn: SignedIn | null): void {
    this.accessToken = signedIn?.accessToken ?? null;
    this.onChange(signedIn);
  }

  /** A new token; null once the sign-in has ended. Offline, the old token stays and we retry. */
  async refresh(): Promise<string | null> {
    try {
      this.set(await refreshRequest());
    } catch (error) {
      if (!(error instanceof AuthError) || error.code !== 'NETWORK') this.set(null);
      else setTimeout(() => void this.refresh(), OFFLINE_RETRY_MS);
    }
    return this.accessToken;
  }

  /** The gateway closed a socket as revoked: this sign-in is over here too (cookie included). */
  revoked(): void {
    this.set(null);
    void signOutRequest(null);
  }

  async freshToken(): Promise<string | null> {
    if (this.accessToken && secondsLeft(this.accessToken) > 30) return this.accessToken;
    return this.refresh();
  }
}

/**
 * Who is signed in, and the graph client that acts for them. The token is refreshed silently a
 * minute before it expires, and whenever the graph refuses it.
 */
export function AuthProvider({
  gatewayUrl,
  children,
}: {
  gatewayUrl: string;
  children: React.ReactNode;
}) {
  const [tokens] = useState(() => new SessionTokens());
  const [graph] = useState(() => new GraphClient(gatewayUrl, tokens));
  const [session, setSession] = useState<{ status: Status; signedIn: SignedIn | null }>({
    status: 'loading',
    signedIn: null,
  });

  useEffect(() => {
    const stop = tokens.listen((signedIn) =>
      setSession({ status: signedIn ? 'signed-in' : 'signed-out', signedIn }),
    );
    void tokens.refresh();
    return stop;
  }, [tokens]);

  const accessToken = session.signedIn?.accessToken;
  useEffect(() => {
    if (!accessToken) return;
    const wait = Math.max(5, secondsLeft(accessToken) - REFRESH_AHEAD_SECONDS);
    const timer = setTimeout(() => void tokens.refresh(), wait * 1000);
    return () => clearTimeout(timer);
  }, [accessToken, tokens]);

  const value = useMemo<AuthValue>(
    () => ({
      status: session.status,
      user: session.signedIn?.user ?? null,
      graph,
      signIn: async (email, password) => tokens.set(await signInRequest(email, password)),
      signUp: async (email, password, displayName) =>
        tokens.set(await signUpRequest(email, password, displayName)),
      signOut: async () => {
        await signOutRequest(tokens.token());
        graph.close();
        tokens.set(null);
      },
    }),
    [session, graph, tokens],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside AuthProvider');
  return value;
}
