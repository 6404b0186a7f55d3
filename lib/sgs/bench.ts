/**
 * Throughput of checkSgsRecord on a typical valid 处罚 record: `npx tsx lib/sgs/bench.ts [calls]`.
 * Not part of the test run.
 */
import { buildUscc } from "@/lib/uscc";
import { checkSgsRecord } from "./check";
import type { SgsRuleInput } from "./input";

const calls = Number(process.argv[2] ?? 1_000_000);
const today = "2026-06-30";
const record: SgsRuleInput = {
  kind: "penalty",
  docNumber: "市监罚〔2026〕1024号",
  subjectName: "示例市某某食品有限公司",
  subjectKind: "legal_person",
  subjectCode: buildUscc("9", "1", "110105", "MA01ABCD"),
  legalRepresentative: "张伟",
  idType: null,
  idNumber: null,
  decisionDate: "2026-05-12",
  reportedDate: "2026-05-15",
  authorityName: "示例市市场监督管理局",
  authorityCode: buildUscc("1", "1", "110105", "MB0123XY"),
  violationType: "销售不符合食品安全标准的食品",
  violationFacts: "经查，当事人存在销售不符合食品安全标准的食品的行为。",
  legalBasis: "《中华人民共和国食品安全法》第一百二十四条",
  penaltyKind: "警告;罚款",
  penaltyContent: "警告并处罚款人民币12000元",
  fineAmountWan: 1.2,
};

function run(n: number): { ms: number; failures: number } {
  let failures = 0;
  const start = performance.now();
  for (let i = 0; i < n; i++) failures += checkSgsRecord(record, today).length;
  return { ms: performance.now() - start, failures };
}

run(50_000); // warm-up
const { ms, failures } = run(calls);
console.log(`${calls} calls: ${ms.toFixed(0)} ms (${((ms * 1e6) / calls).toFixed(0)} ns/call), failures ${failures}`);
