/** One part of `npm run bench`; each lives in its own module and is listed in bench/run.ts. */
export interface BenchSection {
  name: string;
  /** Measures and prints its own report. */
  run(): Promise<void>;
}
