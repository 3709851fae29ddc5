// Request headers for the ways a proxy in front of Parca authenticates.

export interface AuthOptions {
  /** Basic auth user; sent only together with `password`. */
  user?: string | undefined;
  password?: string | undefined;
  /** Bearer token; wins over basic auth when both are given. */
  token?: string | undefined;
  /** Extra headers for every request, e.g. `X-Scope-OrgID` for a multi-tenant gateway. */
  headers?: Record<string, string> | undefined;
}

function base64Utf8(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** Builds the headers to add to each call. The result holds secrets: never log or expose it. */
export function authHeaders(options: AuthOptions): Headers {
  const headers = new Headers(options.headers ?? {});
  if (options.token) headers.set('Authorization', `Bearer ${options.token}`);
  else if (options.user != null && options.password != null) {
    headers.set('Authorization', `Basic ${base64Utf8(`${options.user}:${options.password}`)}`);
  }
  return headers;
}
