/** The product mark: a circular arrow, for "the loop". Decorative; the name is always next to it. */
export function LoopMark({ className = "h-6 w-6" }: { className?: string }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" className={className} fill="none" stroke="currentColor" strokeWidth="2.25" strokeLinecap="round">
      <path d="M20 12a8 8 0 1 1-3-6.2" />
      <path d="M17.5 2.5v4h-4" />
    </svg>
  );
}
