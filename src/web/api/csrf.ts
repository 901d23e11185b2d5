/**
 * The CSRF synchronizer token. The server returns it from login, register and /api/me and
 * also sets it in the readable cookie `gz_csrf`; the cookie wins because it always belongs to
 * the browser's current session (another tab may have signed in again).
 */
let remembered: string | null = null;

export function rememberCsrfToken(token: string | null): void {
  remembered = token;
}

function fromCookie(): string | null {
  if (typeof document === 'undefined') return null;
  for (const part of document.cookie.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === 'gz_csrf') return decodeURIComponent(rest.join('='));
  }
  return null;
}

export function csrfToken(): string | null {
  return fromCookie() ?? remembered;
}
