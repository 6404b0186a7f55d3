import type { CircularBlock, CircularDocument } from "@/lib/circular/document";

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
      {doc.blocks.map((block, i) => <Block key={i} block={block} />)}
      {doc.attachments.length > 0 && (
        <div className="mt-6 pl-[2em]">
          {doc.attachments.map((a, i) => <p key={a.title} className={i === 0 ? "" : "pl-[3em]"}>{i === 0 ? "附件：" : ""}{i + 1}．{a.title}</p>)}
        </div>
      )}
      <p className="mt-10 text-right" style={{ paddingRight: "4em" }}>{doc.issuer}</p>
      <p className="text-right" style={{ paddingRight: "4em" }}>{doc.issuedOn}</p>
      {doc.attachments.map((a, i) => (
        <section key={a.title} aria-label={`附件${i + 1}`} className="mt-12 break-before-page">
          <p style={{ fontFamily: '"Noto Sans CJK SC", sans-serif' }}>附件{i + 1}</p>
          <h2 className="my-6 text-center text-[20pt] font-bold">{a.title}</h2>
          {a.blocks.map((block, k) => <Block key={k} block={block} />)}
        </section>
      ))}
      <footer className="mt-12 border-y-2 border-black text-[14pt]">
        {doc.colophon.copyTo && <p className="border-b border-black px-[1em]">抄送：{doc.colophon.copyTo}。</p>}
        <p className="flex justify-between px-[1em]"><span>{doc.colophon.printer}</span><span>{doc.colophon.printedOn}印发</span></p>
      </footer>
    </article>
  );
}

function Block({ block }: { block: CircularBlock }) {
  switch (block.kind) {
    case "heading1":
      return <h2 className="indent-[2em] font-bold" style={{ fontFamily: '"Noto Sans CJK SC", sans-serif' }}>{block.text}</h2>;
    case "heading2":
      return <h3 className="indent-[2em]">{block.text}</h3>;
    case "paragraph":
      return <p className="indent-[2em]">{block.text}</p>;
    case "chart":
      return (
        <figure className="my-3 break-inside-avoid">
          <div role="img" aria-label={block.alt} className="mx-auto" style={{ width: block.width, maxWidth: "100%" }} dangerouslySetInnerHTML={{ __html: block.svg }} />
          <figcaption className="text-center text-[10.5pt]">{block.caption}</figcaption>
        </figure>
      );
    case "table":
      return (
        <table className="my-3 w-full break-inside-avoid border-collapse text-[12pt] leading-normal">
          <caption className="pb-1 text-center font-bold">{block.caption}</caption>
          <thead><tr>{block.columns.map((c) => <th key={c} scope="col" className="border border-black px-1 py-0.5">{c}</th>)}</tr></thead>
          <tbody>{block.rows.map((row, r) => <tr key={r}>{row.map((cell, c) => <td key={c} className="border border-black px-1 py-0.5 text-center">{cell}</td>)}</tr>)}</tbody>
          {block.note && <tfoot><tr><td colSpan={block.columns.length} className="pt-1 text-left text-[10.5pt]">注：{block.note}</td></tr></tfoot>}
        </table>
      );
  }
}
