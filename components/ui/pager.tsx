import Link from "next/link";
import { buttonClasses } from "./button.tsx";

/**
 * "Load more" for cursor-paged lists, or a line saying the list has ended, plus a way back to the
 * first page once the reader has paged on.
 */
export function Pager({ moreHref, moreLabel, endText, newestHref }: { moreHref: string | null; moreLabel: string; endText: string; newestHref: string | null }) {
  return (
    <div className="flex flex-wrap gap-2">
      {moreHref ? (
        <Link href={moreHref} className={buttonClasses("secondary")}>
          {moreLabel}
        </Link>
      ) : (
        <p className="text-sm text-slate-600">{endText}</p>
      )}
      {newestHref ? (
        <Link href={newestHref} className={buttonClasses("ghost")}>
          Back to newest
        </Link>
      ) : null}
    </div>
  );
}
