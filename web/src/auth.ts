/**
 * Signing in to the deployed page: the Cognito user pool's own sign-in pages (which also take a
 * new user through setting their password), the OAuth 2.0 authorization code flow with PKCE, no
 * client secret. Tokens stay in this tab's sessionStorage; the API is called with the access
 * token, which its JWT authorizer checks on every route.
 */
import type { PageConfig } from '../../lambdas/web/types';

type AuthConfig = NonNullable<PageConfig['auth']>;

interface Tokens {
  readonly access: string;
  readonly id: string;
  readonly refresh: string | null;
  /** Milliseconds since the epoch. */
  readonly expires: number;
}

const STORE = 'briefing.tokens';
const PENDING = 'briefing.signin';
/** Renew this long before the access token expires. */
const MARGIN_MS = 60_000;

const base64url = (bytes: Uint8Array): string =>
  btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

const randomText = (bytes = 32): string => base64url(crypto.getRandomValues(new Uint8Array(bytes)));

async function challengeOf(verifier: string): Promise<string> {
  return base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
}

/** The claims of a JWT (not verified here: the API verifies; the page only shows who is signed in). */
function claimsOf(jwt: string): Record<string, unknown> {
  try {
    const part = jwt.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(part), (c) => c.charCodeAt(0)))) as Record<string, unknown>;
  } catch {
    return {};
  }
}

export class Auth {
  private tokens: Tokens | null;
  /** The one address the user pool client allows to come back to (infra/briefing-web.ts: callbackUrls). */
  private readonly redirectUri = `${location.origin}/`;

  constructor(private readonly config: AuthConfig) {
    const stored = sessionStorage.getItem(STORE);
    this.tokens = stored ? (JSON.parse(stored) as Tokens) : null;
  }

  private get endpoint(): string {
    return `https://${this.config.domain}`;
  }

  private keep(tokens: Tokens | null): void {
    this.tokens = tokens;
    if (tokens) sessionStorage.setItem(STORE, JSON.stringify(tokens));
    else sessionStorage.removeItem(STORE);
  }

  private async exchange(form: Record<string, string>): Promise<Tokens> {
    const response = await fetch(`${this.endpoint}/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ client_id: this.config.clientId, ...form }),
    });
    if (!response.ok) throw new Error(`sign-in failed (HTTP ${response.status}); sign in again`);
    const body = (await response.json()) as { access_token: string; id_token: string; refresh_token?: string; expires_in: number };
    return { access: body.access_token, id: body.id_token, refresh: body.refresh_token ?? this.tokens?.refresh ?? null, expires: Date.now() + body.expires_in * 1000 };
  }

  /** Back from the sign-in page with `?code=…&state=…`: trade the code for tokens, and tidy the address. */
  async completeSignIn(): Promise<void> {
    const params = new URLSearchParams(location.search);
    const code = params.get('code');
    if (!code) return;
    const pending = JSON.parse(sessionStorage.getItem(PENDING) ?? 'null') as { state: string; verifier: string } | null;
    sessionStorage.removeItem(PENDING);
    history.replaceState(null, '', this.redirectUri);
    if (!pending || pending.state !== params.get('state')) throw new Error('the sign-in answer does not belong to this tab; sign in again');
    this.keep(await this.exchange({ grant_type: 'authorization_code', code, redirect_uri: this.redirectUri, code_verifier: pending.verifier }));
  }

  get signedIn(): boolean {
    return this.tokens !== null;
  }

  /** Who is signed in, as the user pool names them. */
  get user(): string {
    const claims = this.tokens ? claimsOf(this.tokens.id) : {};
    return String(claims.email ?? claims['cognito:username'] ?? 'signed in');
  }

  /** To the user pool's sign-in page; it comes back to this page with a code. */
  async signIn(): Promise<void> {
    const verifier = randomText(48);
    const state = randomText(16);
    sessionStorage.setItem(PENDING, JSON.stringify({ state, verifier }));
    const query = new URLSearchParams({
      response_type: 'code',
      client_id: this.config.clientId,
      redirect_uri: this.redirectUri,
      scope: 'openid email',
      state,
      code_challenge_method: 'S256',
      code_challenge: await challengeOf(verifier),
    });
    location.assign(`${this.endpoint}/oauth2/authorize?${query}`);
  }

  signOut(): void {
    this.keep(null);
    location.assign(`${this.endpoint}/logout?${new URLSearchParams({ client_id: this.config.clientId, logout_uri: this.redirectUri })}`);
  }

  /** A current access token, renewed when it is about to expire; null when signed out. */
  readonly token = async (): Promise<string | null> => {
    if (!this.tokens) return null;
    if (Date.now() < this.tokens.expires - MARGIN_MS) return this.tokens.access;
    if (!this.tokens.refresh) {
      this.keep(null);
      return null;
    }
    try {
      this.keep(await this.exchange({ grant_type: 'refresh_token', refresh_token: this.tokens.refresh }));
      return this.tokens!.access;
    } catch {
      this.keep(null);
      return null;
    }
  };
}
