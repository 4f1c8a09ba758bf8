import type { ServiceError } from "./errors";

/**
 * Fault injection for AWS calls, set through the control API: added latency, a fraction of
 * calls answered with ThrottlingException, one-off rejections of an operation's next call, and
 * regions whose endpoint is down. Throttling is spread evenly and deterministically
 * (a running credit, not a coin toss): with 0.5 every second call is throttled, with 0.25 every
 * fourth, with 1 all of them. Tests of retries then never depend on luck.
 */
export class Faults {
  private fraction = 0;
  private credit = 0;
  /** Added before every AWS answer. */
  latencyMs = 0;
  private readonly rejections = new Map<string, ServiceError>();
  private readonly downRegions = new Set<string>();

  get throttleFraction(): number {
    return this.fraction;
  }

  setThrottleFraction(fraction: number): void {
    this.fraction = Math.min(1, Math.max(0, fraction));
    this.credit = 0;
  }

  /** Whether this call is one of the throttled ones. */
  takeThrottle(): boolean {
    if (this.fraction === 0) return false;
    this.credit += this.fraction;
    // The epsilon keeps fractions like 0.1 from drifting past a whole call through rounding.
    if (this.credit >= 1 - 1e-9) {
      this.credit -= 1;
      return true;
    }
    return false;
  }

  /** The next call of `operation` fails with `error` (once). */
  rejectNext(operation: string, error: ServiceError): void {
    this.rejections.set(operation, error);
  }

  /** The rejection waiting for this call of `operation`, consumed. */
  takeRejection(operation: string | undefined): ServiceError | undefined {
    if (operation === undefined) return undefined;
    const error = this.rejections.get(operation);
    this.rejections.delete(operation);
    return error;
  }

  /** Calls signed for `region` get their connection closed without an answer while `down`. */
  setRegionDown(region: string, down: boolean): void {
    if (down) this.downRegions.add(region);
    else this.downRegions.delete(region);
  }

  isRegionDown(region: string): boolean {
    return this.downRegions.has(region);
  }

  get regionsDown(): string[] {
    return [...this.downRegions];
  }

  /** Back to no faults at all. */
  clear(): void {
    this.downRegions.clear();
    this.setThrottleFraction(0);
    this.latencyMs = 0;
    this.rejections.clear();
  }
}
