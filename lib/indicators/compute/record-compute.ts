import { canWrite } from "@/lib/auth/scope";
import { z, type WriteAction } from "@/lib/write";

const computedInput = z.object({
  months: z.array(z.string()).min(1),
  values: z.number().int(),
  warnings: z.number().int(),
  seconds: z.number(),
});

/**
 * A finished computation, recorded through the write path: who ran it, which months, and the store
 * marked changed. The computation itself writes derived rows in bulk outside it (millions of rows).
 */
export const recordComputation: WriteAction<typeof computedInput, null> = {
  name: "compute.run", input: computedInput, allow: (v) => canWrite(v) && v.role === "office", refusal: "只有信用办可以重新计算指标",
  run: async (_tx, input) => {
    const span = input.months.length === 1 ? input.months[0] : `${input.months[0]}至${input.months.at(-1)}`;
    return { value: null, audit: { entityType: "computation", entityId: span, summary: `重新计算${span}的指标：指标值${input.values}个，预警${input.warnings}条，用时${input.seconds.toFixed(1)}秒`, after: input } };
  },
};
