/**
 * HTTP Basic auth (RFC 7617): user name and password in every request's Authorization header.
 */
export function basicAuthorization(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`, 'utf8').toString('base64')}`;
}
