/**
 * What a scenario prints: what it did, then its figures as one aligned table, then the
 * checks that failed. The figures are the product; timing bounds are generous on purpose
 * (the machines are shared), so a figure is printed even when no check depends on it.
 */
export type Figure = string | number;

export class ScenarioReport {
  readonly figures: Array<[string, Figure]> = [];
  readonly failures: string[] = [];
  readonly notes: string[] = [];
  private readonly began = Date.now();

  readonly knownBugs: string[] = [];

  constructor(
    readonly name: string,
    private readonly options: ScenarioOptions = { short: false },
  ) {
    console.log(`\n━━ ${name}`);
  }

  /** A step, as it happens. */
  step(message: string): void {
    console.log(`  · ${message} (+${((Date.now() - this.began) / 1000).toFixed(1)} s)`);
  }

  figure(label: string, value: Figure): void {
    this.figures.push([label, value]);
  }

  note(message: string): void {
    this.notes.push(message);
  }

  /** A check that must hold; failures are collected and reported together at the end. */
  check(holds: boolean, failure: string): void {
    if (!holds) this.failures.push(failure);
  }

  /**
   * A check that a known bug fails today (see docs/decisions/0026-durability.md): it fails the
   * full run and is printed, not failed, in the CI variant, so CI stays green without hiding it.
   */
  checkKnownBug(holds: boolean, failure: string, explanation: string): void {
    if (holds) return;
    if (this.options.ci) this.knownBugs.push(`${failure} — ${explanation}`);
    else this.failures.push(`${failure} (known bug: ${explanation})`);
  }

  /**
   * No service of the stack may exit unasked. (A gateway died as clients left an upstream
   * that was reconnecting, until 804fbbd: the companion scenario provokes exactly that.)
   */
  checkNoCrashes(crashes: readonly string[]): void {
    this.check(crashes.length === 0, `services crashed: ${crashes.join(', ')}`);
  }

  /** Prints the figures and throws when a check failed. */
  finish(): void {
    this.figure('scenario time', `${((Date.now() - this.began) / 1000).toFixed(1)} s`);
    const width = Math.max(...this.figures.map(([label]) => label.length)) + 2;
    console.log(`  ${this.name} — figures:`);
    for (const [label, value] of this.figures) console.log(`    ${label.padEnd(width)}${value}`);
    for (const note of this.notes) console.log(`    note: ${note}`);
    for (const bug of this.knownBugs)
      console.log(`  ! KNOWN BUG (fails npm run test:reliability): ${bug}`);
    if (this.failures.length === 0) {
      console.log('  ✓ every check held');
      return;
    }
    for (const failure of this.failures) console.log(`  ✗ ${failure}`);
    throw new Error(`${this.name}: ${this.failures.join('; ')}`);
  }
}

/** Milliseconds as a person reads them. */
export const ms = (value: number) =>
  Number.isFinite(value) ? `${Math.round(value)} ms` : 'not measured';

export interface ScenarioOptions {
  /** The CI form: fewer people, shorter phases. */
  short: boolean;
  /**
   * Under `npm test` (the CI variant): checks of known, not yet fixed bugs are printed as
   * KNOWN BUG instead of failing; the full run (`npm run test:reliability`) fails on them.
   */
  ci?: boolean;
}
