import { describe, expect, it } from "vitest";
import { contentDisposition, xlsxResponse } from "./response";
import { zipResponse } from "./zip-response";

describe("xlsxResponse", () => {
  it("sends a Chinese file name every browser can save", async () => {
    const body = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
    const response = xlsxResponse(body, "朝阳区 2026年10月 排名.xlsx");
    expect(response.headers.get("Content-Type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(response.headers.get("Content-Disposition")).toBe(
      "attachment; filename=\"2026_10.xlsx\"; filename*=UTF-8''%E6%9C%9D%E9%98%B3%E5%8C%BA%202026%E5%B9%B410%E6%9C%88%20%E6%8E%92%E5%90%8D.xlsx",
    );
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    expect(response.headers.get("Content-Length")).toBe("4");
    expect(Buffer.from(await response.arrayBuffer())).toEqual(body);
  });

  it("makes any name safe for the header", () => {
    expect(contentDisposition("信用监测")).toBe("attachment; filename=\"export.xlsx\"; filename*=UTF-8''%E4%BF%A1%E7%94%A8%E7%9B%91%E6%B5%8B.xlsx");
    expect(contentDisposition("a\"b/c\r\n(1)'*.XLSX")).toBe("attachment; filename=\"a_b_c_1.xlsx\"; filename*=UTF-8''a_b_c__%281%29%27_.xlsx");
    expect(contentDisposition("x\uD800y")).toBe("attachment; filename=\"x_y.xlsx\"; filename*=UTF-8''x_y.xlsx");
  });

  it("names a zip as a zip", () => {
    const response = zipResponse(Buffer.from([0x50, 0x4b]), "2026年10月各部门问题清单.zip");
    expect(response.headers.get("Content-Type")).toBe("application/zip");
    expect(response.headers.get("Content-Disposition")).toBe(
      "attachment; filename=\"2026_10.zip\"; filename*=UTF-8''2026%E5%B9%B410%E6%9C%88%E5%90%84%E9%83%A8%E9%97%A8%E9%97%AE%E9%A2%98%E6%B8%85%E5%8D%95.zip",
    );
  });
});
