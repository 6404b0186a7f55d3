import type { DatasetHandler } from "./batch";
import type { DatasetName } from "./datasets";
import { sgsHandler } from "./sgs/store";

/** How each importable dataset's rows are stored; a new handler for every batch (they keep per-batch lookups). */
export const HANDLERS: Partial<Record<DatasetName, () => DatasetHandler>> = {
  "sgs-license": () => sgsHandler("license"),
  "sgs-penalty": () => sgsHandler("penalty"),
};
