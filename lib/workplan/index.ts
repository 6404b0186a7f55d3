export { readWorkPlan } from "./read";
export { decodeDocument } from "./decode";
export type { Provision, ReadOptions, Target, TargetOp, TargetUnit, Task, WorkPlan } from "./types";
