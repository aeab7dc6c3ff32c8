// The part of autocannon's API that server-bench.ts uses (the package ships no types).
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events';
  namespace autocannon {
    interface Options { url: string; connections?: number; duration?: number; amount?: number }
    interface Result {
      requests: { total: number; average: number };
      latency: { p50: number; p99: number; max: number };
      non2xx: number;
      errors: number;
    }
  }
  function autocannon(options: autocannon.Options, callback: (error: Error | null, result: autocannon.Result) => void): EventEmitter;
  export default autocannon;
}
