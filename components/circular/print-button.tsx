"use client";

export function PrintButton() {
  return <button type="button" onClick={() => window.print()} className="rounded bg-blue-700 px-3 py-1 text-white">打印 / 另存为PDF</button>;
}
