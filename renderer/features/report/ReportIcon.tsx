/** A page with lines and a check: the review document. Stroke only, in currentColor (like the rail's icons). */
export function ReportIcon() {
  return (
    <svg
      viewBox="0 0 24 24"
      width={22}
      height={22}
      fill="none"
      stroke="currentColor"
      strokeWidth={1.7}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden
    >
      <path d="M6 3h9l4 4v14H6z" />
      <path d="M15 3v4h4" />
      <path d="M9 11h7M9 14.5h7" />
      <path d="M9 18l1.5 1.5L13 17" />
    </svg>
  );
}
