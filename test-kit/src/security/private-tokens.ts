import { randomUUID } from 'node:crypto';

/** Where a private value came from, so a leak report says what leaked and whose it was. */
export interface PrivateToken {
  value: string;
  /** e.g. "ana: journal text", "ana: draft story id". */
  label: string;
}

/**
 * The values a person's private data can be recognised by in any answer: planted strings with
 * unique markers, and the ids and timestamps of their private objects. A value the request
 * itself carried (an id the caller named) is never counted as leaked.
 */
export class PrivateTokens {
  private readonly byValue = new Map<string, string>();
  /** Values known to be public (a published story's ids): harvesting skips them. */
  private readonly publicValues = new Set<string>();

  /** A fresh unique string to plant, registered as private. */
  secret(label: string): string {
    const value = `secret-marker-${randomUUID()}`;
    this.add(value, label);
    return value;
  }

  /** A fresh unique string meant to be public (e.g. a published title): never a leak. */
  static publicMarker(): string {
    return `public-marker-${randomUUID()}`;
  }

  add(value: string, label: string): void {
    // Short values (small numbers, enum names) would match by accident.
    if (value.length >= 12) this.byValue.set(value, label);
  }

  has(value: string): boolean {
    return this.byValue.has(value);
  }

  /** Marks a planted value as public by design (a published story's id), so harvesting skips it. */
  markPublic(value: string): void {
    this.publicValues.add(value);
  }

  isPublic(value: string): boolean {
    return this.publicValues.has(value);
  }

  /** Forgets a value: it turned out to be public by design (see the allow-list). */
  remove(value: string): void {
    this.byValue.delete(value);
  }

  /** The distinct labels, e.g. to tell which kinds of value a control read showed. */
  labels(): string[] {
    return [...new Set(this.byValue.values())];
  }

  get size(): number {
    return this.byValue.size;
  }

  merge(other: PrivateTokens): this {
    for (const [value, label] of other.byValue) this.byValue.set(value, label);
    for (const value of other.publicValues) this.publicValues.add(value);
    return this;
  }

  /** The private values in `answer` that `request` did not already carry. */
  foundIn(answer: string, request: string): PrivateToken[] {
    const found: PrivateToken[] = [];
    for (const [value, label] of this.byValue)
      if (answer.includes(value) && !request.includes(value)) found.push({ value, label });
    return found;
  }
}
