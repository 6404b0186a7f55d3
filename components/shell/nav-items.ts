/** The product's sections, in the order of the side navigation. Only pages that exist are listed. */
export const NAV_ITEMS = [{ href: "/", label: "总览" }] as const;
