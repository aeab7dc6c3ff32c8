/** Types for predicate-facts.mjs (a test imports it from TypeScript). */
export declare function generatePredicateFacts(json?: string): string;
