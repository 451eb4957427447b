import ReactMarkdown from "react-markdown";

/**
 * Guideline Markdown, rendered on the server. Raw HTML is dropped (`skipHtml`, and no rehype-raw),
 * and react-markdown's default URL filter removes `javascript:` and other unsafe links.
 */
export function Markdown({ children }: { children: string }) {
  return (
    <div className="space-y-3 text-slate-900 [&_a]:text-teal-800 [&_a]:underline [&_blockquote]:border-l-4 [&_blockquote]:border-slate-300 [&_blockquote]:pl-3 [&_h1]:text-xl [&_h1]:font-bold [&_h2]:text-lg [&_h2]:font-semibold [&_h3]:font-semibold [&_li]:ml-5 [&_ol]:list-decimal [&_ul]:list-disc">
      <ReactMarkdown skipHtml>{children}</ReactMarkdown>
    </div>
  );
}
