// Signs in over HTTP exactly as the sign-in form does: next-auth's CSRF cookie + token, then a
// form-encoded POST to the credentials callback. Returns the cookies the browser would keep.
export type SignIn = { cookie: string; setCookies: string[] };

export async function signIn(baseUrl: string, email: string, password: string, headers: Record<string, string> = {}): Promise<SignIn> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`, { headers });
  const csrfCookies = csrf.headers.getSetCookie();
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: {
      ...headers,
      "content-type": "application/x-www-form-urlencoded",
      origin: baseUrl,
      cookie: cookieHeader(csrfCookies),
    },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }).toString(),
  });
  const setCookies = [...csrfCookies, ...response.headers.getSetCookie()];
  return { cookie: cookieHeader(setCookies), setCookies };
}

/** name=value pairs of Set-Cookie lines, later lines winning, as a Cookie header. */
export function cookieHeader(setCookies: string[]): string {
  const jar = new Map<string, string>();
  for (const line of setCookies) {
    const pair = line.split(";")[0]!;
    const eq = pair.indexOf("=");
    jar.set(pair.slice(0, eq), pair.slice(eq + 1));
  }
  return [...jar].filter(([, v]) => v !== "").map(([k, v]) => `${k}=${v}`).join("; ");
}

/** The attributes of one Set-Cookie line, lower-cased names (`httponly`, `secure`, `samesite`, …). */
export function cookieAttributes(line: string): { name: string; attributes: Map<string, string> } {
  const [pair, ...rest] = line.split(";").map((s) => s.trim());
  const attributes = new Map<string, string>();
  for (const part of rest) {
    const eq = part.indexOf("=");
    attributes.set((eq < 0 ? part : part.slice(0, eq)).toLowerCase(), eq < 0 ? "" : part.slice(eq + 1));
  }
  return { name: pair!.slice(0, pair!.indexOf("=")), attributes };
}
