/**
 * Fault injection for AWS calls, set through the control API: added latency, and a fraction of
 * calls answered with ThrottlingException. Throttling is spread evenly and deterministically
 * (a running credit, not a coin toss): with 0.5 every second call is throttled, with 0.25 every
 * fourth, with 1 all of them. Tests of retries then never depend on luck.
 */
export class Faults {
  private fraction = 0;
  private credit = 0;
  /** Added before every AWS answer. */
  latencyMs = 0;

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
}
