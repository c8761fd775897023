// What a worker keeps between status polls of the tunnels' traffic. AWS publishes AWS/VPN
// TunnelDataIn and TunnelDataOut in 5-minute periods, while the status poll runs every minute: a
// poll within the period of a tunnel's last reading would learn nothing new and pay for the read
// (CloudWatch bills GetMetricData per metric), so it reuses that reading instead.

/** The period AWS publishes the tunnels' traffic in. */
export const TRAFFIC_PERIOD_SEC = 300;

interface Reading {
  /** The 5-minute period (counted from the epoch) the reading was made in. */
  period: number;
  /** Seconds without traffic, or undefined when CloudWatch had no datapoints. */
  idleSeconds: number | undefined;
}

export class TrafficReadings {
  private readonly readings = new Map<string, Reading>();
  private newestPeriod = 0;

  /** The tunnel's reading made in the current period, if any. */
  get(key: string, now: number): Reading | undefined {
    const reading = this.readings.get(key);
    return reading && reading.period === periodOf(now) ? reading : undefined;
  }

  set(key: string, now: number, idleSeconds: number | undefined): void {
    const period = periodOf(now);
    if (period > this.newestPeriod) {
      // Readings of past periods are never used again.
      for (const [k, reading] of this.readings) if (reading.period < period) this.readings.delete(k);
      this.newestPeriod = period;
    }
    this.readings.set(key, { period, idleSeconds });
  }

  get size(): number {
    return this.readings.size;
  }
}

function periodOf(now: number): number {
  return Math.floor(now / (TRAFFIC_PERIOD_SEC * 1000));
}
