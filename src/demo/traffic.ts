// The built-in traffic generator: steady load over the app's routes at a
// given rate, through real HTTP requests to the app itself, so every request
// goes through the same instrumentation a user's would. Requests that fail
// while the app is down are simply lost, as a client's would be.

import { Agent, request } from 'node:http';
import { pickRoute } from './app.js';

export interface TrafficOptions {
  /** Base URL of the app, e.g. http://127.0.0.1:8080 */
  url: string;
  /** Requests per second (0 = none). */
  rps: number;
}

export class TrafficGenerator {
  private timer?: NodeJS.Timeout;
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 32 });
  private owed = 0;
  sent = 0;
  failed = 0;

  constructor(private readonly opts: TrafficOptions) {}

  start(): void {
    if (this.timer || this.opts.rps <= 0) return;
    const tickMs = 100;
    this.timer = setInterval(() => {
      this.owed += (this.opts.rps * tickMs) / 1000;
      while (this.owed >= 1) {
        this.owed -= 1;
        this.one();
      }
    }, tickMs);
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    this.agent.destroy();
  }

  private one(): void {
    const route = pickRoute();
    const req = request(`${this.opts.url}${route.example()}`, { method: route.method, agent: this.agent, timeout: 10_000 }, (res) => {
      res.resume();
      this.sent++;
    });
    req.on('error', () => void this.failed++);
    req.on('timeout', () => req.destroy());
    req.end();
  }
}
