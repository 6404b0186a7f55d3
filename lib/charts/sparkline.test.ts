import { describe, expect, it } from "vitest";
import { CHART_COLORS } from "./palette";
import { sparklineOption } from "./sparkline";

// Options are deeply typed unions; the tests read into them freely.
type Loose = Record<string, any>;

describe("sparklineOption", () => {
  it.each<[(number | null)[], (number | null)[]]>([
    [[1, 2, 3], [1, 2, 3]],
    [[1, null, 3], [1, null, 3]],
    [[Number.NaN, 2], [null, 2]],
    [[], []],
  ])("%o is drawn as %o with gaps", (values, data) => {
    const option = sparklineOption(values) as Loose;
    expect(option.series[0].data).toEqual(data);
    expect(option.series[0].connectNulls).toBe(false);
    expect(option.xAxis.data).toHaveLength(values.length);
  });

  it("has no axes, no tooltip, no symbols", () => {
    const option = sparklineOption([1, 2]) as Loose;
    expect(option.xAxis.show).toBe(false);
    expect(option.yAxis.show).toBe(false);
    expect(option.tooltip).toBeUndefined();
    expect(option.series[0]).toMatchObject({ showSymbol: false, silent: true });
  });

  it.each([
    [{}, CHART_COLORS.primary, true],
    [{ color: CHART_COLORS.red, animation: false }, CHART_COLORS.red, false],
  ])("options %o", (opts, color, animation) => {
    const option = sparklineOption([1], opts) as Loose;
    expect(option.series[0].lineStyle.color).toBe(color);
    expect(option.animation).toBe(animation);
  });
});
