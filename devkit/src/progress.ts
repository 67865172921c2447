/** Progress lines for long work (provisioning, start-up), prefixed with what is working. */
export function progress(part: string, message: string): void {
  process.stdout.write(`[${part}] ${message}\n`);
}
