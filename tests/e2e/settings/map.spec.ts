import { readFileSync } from "node:fs";
import { screenshot } from "../support";
import { authStateFile } from "../auth-state";
import { expect, test } from "../access/page-test";

test.use({ storageState: authStateFile("office") });

// The office uploads boundaries: a file that is not a map is refused; the sample, with one district renamed the
// way other sources write it and one feature from elsewhere, is matched, previewed and put on 总览.
test("the office uploads a GeoJSON, sees it matched and previewed, and replaces the map", async ({ page }) => {
  const sample = JSON.parse(readFileSync("public/sample-city-map.geojson", "utf8")) as { features: { properties: Record<string, unknown>; geometry: unknown }[] };
  const first = sample.features[0]!;
  const renamed = { ...first, properties: { adcode: Number(first.properties.code), NAME: "某个别名" } };
  const stranger = { ...first, properties: { name: "外省某县", adcode: 110105 } };
  const file = { type: "FeatureCollection", features: [renamed, ...sample.features.slice(1), stranger] };

  await page.goto("/settings/map");
  const form = page.getByRole("form", { name: "上传边界" });
  await form.getByLabel(/GeoJSON 文件/).setInputFiles({ name: "points.geojson", mimeType: "application/geo+json", buffer: Buffer.from(JSON.stringify({ type: "FeatureCollection", features: [{ type: "Feature", properties: { name: "城关区" }, geometry: { type: "Point", coordinates: [120, 30] } }] })) });
  await form.getByRole("button", { name: "预览" }).click();
  await expect(form.getByRole("alert").first()).toContainText("应为 Polygon 或 MultiPolygon");

  await form.getByLabel(/GeoJSON 文件/).setInputFiles({ name: "city.geojson", mimeType: "application/geo+json", buffer: Buffer.from(JSON.stringify(file)) });
  await form.getByRole("button", { name: "预览" }).click();
  await expect(form.getByRole("status")).toContainText(`对应区县${sample.features.length}个`);
  await expect(form).toContainText(`某个别名→${String(first.properties.name)}`);
  await expect(form).toContainText("未对应到本市区县的要素：外省某县");
  await expect(form.getByRole("img", { name: "上传的边界预览" })).toBeVisible();
  await screenshot(page, "settings-map-preview");
  await form.getByRole("button", { name: "确认替换" }).click();
  await expect(form.getByRole("status")).toContainText("已替换地图");
  await page.goto("/");
  await expect(page.getByRole("img", { name: "各区县综合得分地图，颜色越深得分越高" })).toBeVisible();
});

// Town boundaries: the demo city ships them, so a district's page shows its towns; the office uploads the sample
// town file (one town renamed as other sources write it) as the town level, and it replaces them.
test("the office uploads town boundaries and a district's page maps its towns", async ({ page }) => {
  const sample = JSON.parse(readFileSync("public/sample-town-map.geojson", "utf8")) as { features: { properties: Record<string, unknown>; geometry: unknown }[] };
  const first = sample.features[0]!;
  const file = { type: "FeatureCollection", features: [{ ...first, properties: { XZQMC: "东大街", PAC: `${String(first.properties.code)}000` } }, ...sample.features.slice(1)] };
  await page.goto("/settings/map");
  const form = page.getByRole("form", { name: "上传边界" });
  await form.getByLabel("层级").selectOption("town");
  await form.getByLabel("名称").fill("本市镇街边界（2026）");
  await form.getByLabel(/GeoJSON 文件/).setInputFiles({ name: "towns.geojson", mimeType: "application/geo+json", buffer: Buffer.from(JSON.stringify(file)) });
  await form.getByRole("button", { name: "预览" }).click();
  await expect(form.getByRole("status")).toContainText(`对应镇街${sample.features.length}个`);
  await expect(form).toContainText(`东大街→${String(first.properties.name)}`);
  await form.getByRole("button", { name: "确认替换" }).click();
  await expect(form.getByRole("status")).toContainText("已替换镇街地图");
  await page.reload();
  await expect(page.getByText(/镇街边界：本市镇街边界（2026）/)).toBeVisible();
  await page.goto("/districts/339902");
  await expect(page.getByRole("region", { name: "下辖镇街地图" }).getByRole("img", { name: "各镇街综合得分地图，颜色越深得分越高" })).toBeVisible();
  await screenshot(page, "district-town-map");
});
