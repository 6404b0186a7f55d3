import type { Role } from "@/db/schema";

export interface NavItem {
  href: string;
  label: string;
}

/**
 * The side navigation for a role. Hiding an entry is only convenience: every page checks the
 * viewer on the server itself.
 */
export function navItemsFor(role: Role, home: { departmentId?: number | null; districtCode?: string | null } = {}): NavItem[] {
  const items: NavItem[] = [
    { href: "/", label: "总览" },
    { href: "/rankings", label: "排名" },
    { href: "/indicators", label: "指标" },
  ];
  if (role === "district" && home.districtCode) items.push({ href: `/districts/${home.districtCode}`, label: "本区县" });
  else items.push({ href: "/districts", label: "区县" });
  items.push({ href: "/tasks", label: "任务" });
  if (role === "department" && home.departmentId) items.push({ href: `/departments/${home.departmentId}`, label: "本部门" });
  else if (role !== "district") items.push({ href: "/departments", label: "部门" });
  items.push({ href: "/supervision", label: "督办" });
  items.push({ href: "/circulars", label: "通报" });
  if (role !== "district") items.push({ href: "/data", label: "数据" });
  items.push({ href: "/inbox", label: "消息" });
  if (role === "office") items.push({ href: "/settings", label: "设置" });
  return items;
}
