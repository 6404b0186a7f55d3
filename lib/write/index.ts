export { bookkeeping, serially, write, type WriteAction, type WriteOutcome, type AuditFacts, type Tx } from "./write";
export { Refusal, forbidden, notFound, conflict } from "./refusal";
export { fieldErrorsOf, z } from "./zod-zh";
export { onLocalChange, readDataVersion, STORE_VERSION_KEY } from "./store-version";
export { inTransactionExecutor, isLocalTransaction, rawTransaction } from "./raw";
