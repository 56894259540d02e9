/** A JSON answer of the API: never cached by a browser or a proxy, since it may name children. */
export function jsonResponse(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: { 'Cache-Control': 'no-store' } });
}
