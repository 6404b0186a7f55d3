import type { Metadata } from "next";
import Link from "next/link";
import { requireRole } from "@/lib/auth/request";

export const metadata: Metadata = { title: "设置" };

const SECTIONS = [
  { href: "/settings/catalogue", title: "指标目录", text: "各指标的目标值、红线、零分点、权重和责任单位；自选定月份起执行，历史版本可查。" },
  { href: "/settings/units", title: "区县和镇街", text: "区县、功能区和镇街的名称与区划代码：新增、改名、撤销（此前各月保留）。" },
  { href: "/settings/departments", title: "部门名单", text: "责任单位的全称、简称，以及工作要点和文件里对它的其他写法（别名）。" },
  { href: "/settings/users", title: "账号管理", text: "开设账号，设定角色和所属部门、区县，停用账号，重置密码并解除锁定。" },
  { href: "/settings/tokens", title: "接口令牌", text: "为部门业务系统发放接口令牌，用于自动报送；令牌泄露时立即吊销。" },
  { href: "/settings/robots", title: "工作群机器人", text: "为各责任单位设置企业微信或钉钉群机器人：督办事项开具、临近期限、逾期、退回和办结时推送到群里。" },
  { href: "/settings/supervision", title: "督办设置", text: "开具督办的默认期限（工作日），以及哪些指标一出现红色预警就自动开具督办事项。" },
  { href: "/settings/national-rank", title: "全国排名", text: "录入或更正每月的全国城市信用监测名次和参评城市数，总览和月度通报即用。" },
  { href: "/settings/calendar", title: "节假日安排", text: "粘贴国务院办公厅的节假日安排通知，核对读到的放假和调休上班日后保存；工作日期限即按此计算。" },
  { href: "/settings/map", title: "地图", text: "上传本市区县边界（GeoJSON），按区划代码或名称对应区县，预览后替换总览的地图。" },
  { href: "/settings/audit", title: "操作日志", text: "每一次登录和修改：谁、何时、从哪里、改了什么，可筛选并导出Excel。" },
];

export default async function SettingsPage() {
  await requireRole("office");
  return (
    <div className="space-y-5">
      <div>
        <h1 className="text-xl font-semibold">设置</h1>
        <p className="mt-1 text-sm text-slate-500">仅信用办可见。</p>
      </div>
      <ul className="grid gap-4 sm:grid-cols-3">
        {SECTIONS.map((s) => (
          <li key={s.href}>
            <Link href={s.href} className="block h-full rounded-lg border border-slate-200 bg-white p-4 hover:border-blue-300 hover:bg-blue-50">
              <h2 className="text-base font-semibold text-blue-800">{s.title}</h2>
              <p className="mt-1 text-sm text-slate-600">{s.text}</p>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
