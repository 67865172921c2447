/** Liveness for the process supervisor (npm start, tests). */
export function GET() {
  return Response.json({ status: 'ok' });
}
