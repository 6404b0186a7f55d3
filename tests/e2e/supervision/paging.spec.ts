import { screenshot } from "../support";
import { openItemFromDrilldown } from "./open-item";
import { lookUpIds, openStore } from "../access/store";
import { expect, test } from "../access/page-test";

// An item frozen with hundreds of records shows them 100 to a page, numbered on, each judged against the data.
test("a 督办 item's many records come a hundred to a page", async ({ browser }) => {
  const ids = await lookUpIds();
  const store = openStore();
  // The district with the most live enterprises not yet on 信易贷: its gap is the item's records.
  const [district] = (await store.execute({
    sql: `SELECT v.org_unit_id AS id, v.denominator - v.numerator AS gap FROM indicator_values v JOIN org_units u ON u.id = v.org_unit_id
      WHERE v.indicator_code = 'xyd_enrolled_ratio' AND v.month = ? AND u.level = 'district' ORDER BY gap DESC LIMIT 1`,
    args: [ids.latestMonth],
  })).rows;
  store.close();
  expect(Number(district?.gap), "示范市应有尚未入驻信易贷的企业多于100家的区县").toBeGreaterThan(100);
  const gap = Math.min(Number(district!.gap), 5_000);

  const { office, page } = await openItemFromDrilldown(browser, { indicatorCode: "xyd_enrolled_ratio", month: ids.latestMonth, unitId: Number(district!.id), department: ids.samr.shortName });

  const records = page.getByRole("region", { name: `所附记录（${gap} 条，开具时冻结）` });
  await expect(records.getByRole("row")).toHaveCount(101);
  const pages = Math.ceil(gap / 100);
  await expect(records.getByRole("navigation", { name: "分页" })).toContainText(`第 1 / ${pages} 页`);
  await expect(page.getByRole("region", { name: "事项" })).toContainText(`所附 ${gap} 条中 0 条已在数据中更正`);
  await records.getByRole("link", { name: "下一页" }).click();
  await expect(records.getByRole("navigation", { name: "分页" })).toContainText(`第 2 / ${pages} 页`);
  await expect(records.getByRole("row").nth(1).getByRole("rowheader")).toHaveText("101");
  await expect(records.getByRole("row").nth(1)).toContainText("仍存在");
  await screenshot(page, "supervision-records-page-2");
  await office.close();
});
