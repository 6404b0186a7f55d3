import type { Metadata } from "next";
import Link from "next/link";
import { RobotForm } from "@/components/settings/robot-form";
import { Panel } from "@/components/ui/panel";
import { getDb } from "@/db";
import { chinaTime } from "@/lib/audit/labels";
import { ROBOT_KIND_LABELS } from "@/lib/notify/robots";
import { requireRole } from "@/lib/auth/request";
import { getDepartmentChoices, submissionKey } from "@/lib/queries/settings";
import { robotSettings } from "@/lib/supervision/robot-actions";
import { removeRobotAction } from "./actions";

export const metadata: Metadata = { title: "工作群机器人" };

/** The key in a webhook address is a credential: shown only by its first characters. */
const masked = (url: string) => url.replace(/((?:key|access_token)=)([^&]{4})[^&]*/, "$1$2…");

export default async function RobotsPage() {
  await requireRole("office");
  const [{ robots, deliveries }, choices] = await Promise.all([robotSettings(getDb()), getDepartmentChoices()]);
  return (
    <div className="space-y-5">
      <div>
        <p className="text-sm"><Link href="/settings" className="text-blue-800 hover:underline">设置</Link> /</p>
        <h1 className="text-xl font-semibold">工作群机器人</h1>
        <p className="mt-1 text-sm text-slate-500">督办事项开具、三个工作日内到期、逾期、退回和办结时，消息推送到责任单位的企业微信或钉钉群（附返回本系统的链接）。推送失败会按间隔重试，不影响办理；每次推送的结果记在下方。</p>
      </div>
      <Panel title="设置机器人"><RobotForm departments={choices} submissionKey={submissionKey()} /></Panel>
      <Panel title={`已设置（${robots.length}）`}>
        {robots.length === 0 ? <p className="text-sm text-slate-500">尚未设置。</p> : (
          <table className="w-full text-sm">
            <thead className="bg-slate-50 text-xs text-slate-500"><tr>{["部门", "类型", "地址", "加签", "更新时间", ""].map((h) => <th key={h} scope="col" className="px-2 py-2 text-left font-medium">{h}</th>)}</tr></thead>
            <tbody>
              {robots.map(({ robot, name }) => (
                <tr key={robot.id} className="border-t border-slate-100">
                  <th scope="row" className="px-2 py-2 text-left font-normal">{name}</th>
                  <td className="px-2 py-2">{ROBOT_KIND_LABELS[robot.kind]}</td>
                  <td className="px-2 py-2 font-mono text-xs">{masked(robot.url)}</td>
                  <td className="px-2 py-2">{robot.secret ? "已设置" : "—"}</td>
                  <td className="px-2 py-2 tabular-nums">{chinaTime(robot.updatedAt).slice(0, 16)}</td>
                  <td className="px-2 py-2">
                    <form action={removeRobotAction}>
                      <input type="hidden" name="departmentId" value={robot.departmentId} />
                      <input type="hidden" name="kind" value={robot.kind} />
                      <button type="submit" className="text-xs text-red-700 hover:underline">删除</button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Panel>
      <Panel title="最近的推送">
        {deliveries.length === 0 ? <p className="text-sm text-slate-500">还没有推送。</p> : (
          <table className="w-full text-sm">
            <thead className="bg-slate-50 text-xs text-slate-500"><tr>{["时间", "事项", "事件", "部门", "机器人", "第几次", "结果", "回应"].map((h) => <th key={h} scope="col" className="px-2 py-2 text-left font-medium">{h}</th>)}</tr></thead>
            <tbody>
              {deliveries.map(({ d, name }) => (
                <tr key={d.id} className="border-t border-slate-100">
                  <td className="px-2 py-1.5 tabular-nums">{chinaTime(d.at).slice(0, 19)}</td>
                  <td className="px-2 py-1.5"><Link href={`/supervision/${d.itemId}`} className="text-blue-800 hover:underline">#{d.itemId}</Link></td>
                  <td className="px-2 py-1.5">{d.event}</td>
                  <td className="px-2 py-1.5">{name ?? "—"}</td>
                  <td className="px-2 py-1.5">{d.robotKind ? ROBOT_KIND_LABELS[d.robotKind as keyof typeof ROBOT_KIND_LABELS] ?? d.robotKind : "—"}</td>
                  <td className="px-2 py-1.5 tabular-nums">{d.attempt}</td>
                  <td className={`px-2 py-1.5 ${d.ok ? "text-green-700" : "text-red-700"}`}>{d.ok ? "成功" : "失败"}{d.status ? `（${d.status}）` : ""}</td>
                  <td className="max-w-64 truncate px-2 py-1.5 font-mono text-xs" title={d.answer}>{d.answer}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Panel>
    </div>
  );
}
