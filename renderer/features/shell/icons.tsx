// Rail icons: inline SVG, stroke only, drawn in currentColor.
const common = {
  viewBox: '0 0 24 24',
  width: 22,
  height: 22,
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 1.7,
  strokeLinecap: 'round',
  strokeLinejoin: 'round',
  'aria-hidden': true,
} as const;

/** A pulse line on a screen: the live war-room. */
export function WarRoomIcon() {
  return (
    <svg {...common}>
      <rect x="3" y="4" width="18" height="14" rx="2" />
      <path d="M6.5 12.5h2.5l1.5-3.5 2.5 6 1.5-2.5h3" />
      <path d="M9 21h6" />
    </svg>
  );
}

/** Streams flowing into a tray: where mentions come from. */
export function SourcesIcon() {
  return (
    <svg {...common}>
      <path d="M6 3v5M12 3v8M18 3v5" />
      <path d="M4 14h4l1.5 3h5L16 14h4v5a2 2 0 0 1-2 2H6a2 2 0 0 1-2-2z" />
    </svg>
  );
}
