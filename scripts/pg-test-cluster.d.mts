/** Types for pg-test-cluster.mjs (the tests import it from TypeScript). */
export declare function findPostgresBin(): string | null;
export interface TestCluster {
  /** A connection URL for a database of this cluster (created by the caller). */
  url(db: string): string;
  readonly adminUrl: string;
  readonly dir: string;
  /** Stops the server at once and removes its folder. */
  stop(): void;
}
export declare function startTestCluster(): TestCluster | { readonly skip: string };
