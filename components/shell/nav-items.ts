/** The product's sections, in the order of the side navigation. Only pages that exist are listed. */
export const NAV_ITEMS = [
  { href: "/", label: "总览" },
  { href: "/rankings", label: "排名" },
  { href: "/indicators", label: "指标" },
  { href: "/districts", label: "区县" },
  { href: "/tasks", label: "任务" },
  { href: "/departments", label: "部门" },
  { href: "/circulars", label: "通报" },
] as const;
