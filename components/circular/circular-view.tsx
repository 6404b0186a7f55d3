import type { CircularDocument } from "@/lib/circular/document";

/** The circular on screen and on paper, from the same document model as the Word file. */
export function CircularView({ doc }: { doc: CircularDocument }) {
  return (
    <article className="mx-auto max-w-[210mm] bg-white px-[26mm] py-[20mm] font-serif text-[16pt] leading-[1.8] text-black shadow print:max-w-none print:p-0 print:shadow-none"
      style={{ fontFamily: '"FangSong", "仿宋", "Noto Serif CJK SC", serif' }}>
      {doc.documentNumber && <p className="text-center">{doc.documentNumber}</p>}
      <hr className="my-3 border-t-2 border-red-700" />
      <h1 className="my-6 text-center text-[22pt] font-bold leading-snug" style={{ fontFamily: '"Noto Serif CJK SC", serif' }}>{doc.title}</h1>
      {doc.draft && <p className="-mt-4 mb-4 text-center">（草稿）</p>}
      <p>{doc.addressees}</p>
      {doc.blocks.map((block, i) => {
        switch (block.kind) {
          case "heading1":
            return <h2 key={i} className="indent-[2em] font-bold" style={{ fontFamily: '"Noto Sans CJK SC", sans-serif' }}>{block.text}</h2>;
          case "heading2":
            return <h3 key={i} className="indent-[2em]">{block.text}</h3>;
          case "paragraph":
            return <p key={i} className="indent-[2em]">{block.text}</p>;
          case "chart":
            return (
              <figure key={i} className="my-3 break-inside-avoid">
                <div role="img" aria-label={block.alt} className="mx-auto" style={{ width: block.width, maxWidth: "100%" }} dangerouslySetInnerHTML={{ __html: block.svg }} />
              </figure>
            );
          case "table":
            return (
              <table key={i} className="my-3 w-full break-inside-avoid border-collapse text-[12pt] leading-normal">
                <caption className="pb-1 text-center font-bold">{block.caption}</caption>
                <thead><tr>{block.columns.map((c) => <th key={c} scope="col" className="border border-black px-1 py-0.5">{c}</th>)}</tr></thead>
                <tbody>{block.rows.map((row, r) => <tr key={r}>{row.map((cell, c) => <td key={c} className="border border-black px-1 py-0.5 text-center">{cell}</td>)}</tr>)}</tbody>
                {block.note && <tfoot><tr><td colSpan={block.columns.length} className="pt-1 text-left text-[10.5pt]">注：{block.note}</td></tr></tfoot>}
              </table>
            );
        }
      })}
      <p className="mt-10 text-right" style={{ paddingRight: "4em" }}>{doc.issuer}</p>
      <p className="text-right" style={{ paddingRight: "4em" }}>{doc.issuedOn}</p>
    </article>
  );
}
