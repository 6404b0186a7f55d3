/** Numbers as Chinese government documents write them. */
export function formatCount(n: number): string {
  if (Math.abs(n) >= 100_000) return `${(n / 10_000).toFixed(1).replace(/\.0$/, "")}万`;
  return n.toLocaleString("zh-CN");
}

export function formatInteger(n: number): string {
  return n.toLocaleString("zh-CN");
}
