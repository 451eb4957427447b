import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Markdown } from "@/components/guidelines/markdown.tsx";

const render = (text: string) => renderToStaticMarkup(createElement(Markdown, null, text));

describe("guideline Markdown", () => {
  it("renders Markdown", () => {
    const html = render("## Steps\n\n1. **Wash** hands\n2. [WHO](https://www.who.int)");
    expect(html).toContain("<h2>Steps</h2>");
    expect(html).toContain("<strong>Wash</strong>");
    expect(html).toContain('href="https://www.who.int"');
  });

  it("drops raw HTML and unsafe links", () => {
    const html = render('Hi <script>alert(1)</script> <img src=x onerror="alert(1)"> [x](javascript:alert(1))\n\n<iframe src="https://evil"></iframe>');
    expect(html).not.toMatch(/<script|<img|<iframe|onerror|javascript:/i);
    expect(html).toContain("Hi");
  });
});
