/** Three people side by side: the cell. Stroke only, in currentColor (like the rail's icons). */
export function TeamIcon() {
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
      <circle cx="12" cy="8" r="3" />
      <path d="M6.5 20a5.5 5.5 0 0 1 11 0" />
      <circle cx="5" cy="10" r="2.2" />
      <circle cx="19" cy="10" r="2.2" />
      <path d="M1.5 18.5a3.8 3.8 0 0 1 4.5-3.6M22.5 18.5a3.8 3.8 0 0 0-4.5-3.6" />
    </svg>
  );
}
