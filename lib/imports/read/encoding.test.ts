import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { detectEncoding } from "./index";
import { incompleteTailStart, toUtf8 } from "./encoding";
import { ReadRefusal } from "./refusal";

async function* chunksOf(buf: Buffer, size: number) {
  for (let i = 0; i < buf.length; i += size) yield buf.subarray(i, i + size);
}
async function decodeAll(buf: Buffer, size: number, encoding = detectEncoding(buf), revised: string[] = []) {
  const out: Buffer[] = [];
  for await (const b of toUtf8(chunksOf(buf, size), encoding, (e) => revised.push(e))) out.push(b);
  return Buffer.concat(out).toString("utf8");
}

describe("detectEncoding", () => {
  it("follows a BOM", () => {
    expect(detectEncoding(Buffer.from([0xef, 0xbb, 0xbf, 0x61]))).toBe("utf-8");
    expect(detectEncoding(Buffer.from([0xff, 0xfe, 0x61, 0]))).toBe("utf-16le");
    expect(detectEncoding(Buffer.from([0xfe, 0xff, 0, 0x61]))).toBe("utf-16be");
  });

  it("tells UTF-8 from GB18030 without a BOM", () => {
    expect(detectEncoding(Buffer.from("企业名称,统一社会信用代码\n"))).toBe("utf-8");
    expect(detectEncoding(iconv.encode("企业名称,统一社会信用代码\n", "gb18030"))).toBe("gb18030");
    expect(detectEncoding(Buffer.from("plain ascii"))).toBe("utf-8");
  });

  it("ignores a character cut at the end of the sample, but not an invalid last byte", () => {
    const utf8 = Buffer.from("名称,代码");
    for (let cut = 1; cut <= 2; cut++) expect(detectEncoding(utf8.subarray(0, utf8.length - cut))).toBe("utf-8");
    // "ab" followed by the GBK bytes of 中: C4 E3 is not the start of a 3-byte UTF-8 sequence plus a cut.
    expect(detectEncoding(Buffer.concat([Buffer.from("ab"), iconv.encode("中", "gb18030")]))).toBe("gb18030");
    expect(incompleteTailStart(Buffer.from([0x61, 0xe4, 0xb8]))).toBe(1);
    expect(incompleteTailStart(Buffer.from([0x61, 0xe4, 0xb8, 0xad]))).toBe(4);
  });
});

describe("toUtf8", () => {
  const text = "名称,代码\n".repeat(50) + "甲乙丙,😀\n";

  it("decodes every encoding to the same text whatever the chunking, BOM removed", async () => {
    const files = [
      Buffer.from(text),
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]),
      iconv.encode(text, "gb18030"),
      iconv.encode(text, "utf-16le", { addBOM: true }),
      iconv.encode(text, "utf-16be", { addBOM: true }),
    ];
    for (const file of files) for (const size of [1, 2, 3, 7, 4096]) expect(await decodeAll(file, size)).toBe(text);
  });

  it("switches to GB18030 when an all-ASCII start turns out not to be UTF-8", async () => {
    const file = Buffer.concat([Buffer.from("code,name\n".repeat(100)), iconv.encode("1,张三\n", "gb18030")]);
    const revised: string[] = [];
    expect(await decodeAll(file, 64, "utf-8", revised)).toBe("code,name\n".repeat(100) + "1,张三\n");
    expect(revised).toEqual(["gb18030"]);
  });

  it("refuses a file that is UTF-8 first and something else later", async () => {
    const file = Buffer.concat([Buffer.from("名称\n"), Buffer.from("x".repeat(100)), iconv.encode("张三\n", "gb18030")]);
    await expect(decodeAll(file, 16, "utf-8")).rejects.toThrow(ReadRefusal);
  });
});

describe("GB18030 four-byte characters (rare name characters, emoji) split across reads", () => {
  it("decodes them at every split position", async () => {
    const text = "ab😀cd𠈌ef中";
    const file = iconv.encode(text, "gb18030");
    for (let i = 1; i < file.length; i++) {
      for (let j = i + 1; j < file.length; j++) {
        async function* parts() {
          yield file.subarray(0, i);
          yield file.subarray(i, j);
          yield file.subarray(j);
        }
        const out: Buffer[] = [];
        for await (const b of toUtf8(parts(), "gb18030")) out.push(b);
        expect(Buffer.concat(out).toString("utf8")).toBe(text);
      }
    }
  });
});

describe("toUtf8 on tiny files", () => {
  it("keeps a file of one or two ASCII bytes as UTF-8", async () => {
    const revised: string[] = [];
    expect(await decodeAll(Buffer.from("a\n"), 64, "utf-8", revised)).toBe("a\n");
    expect(await decodeAll(Buffer.from([0xef, 0xbb, 0xbf]), 64, "utf-8", revised)).toBe("");
    expect(revised).toEqual([]);
  });
});
