// The clock, the incident id and the hostile strings shared by every part of the report fixture.
export const MIN = 60_000;
export const HOUR = 60 * MIN;
/** 2026-03-14 08:00 UTC (09:00 in Paris). */
export const T0 = Date.UTC(2026, 2, 14, 8, 0, 0);
export const at = (h: number, m = 0) => Date.UTC(2026, 2, 14, h, m, 0);
/** The export clock of the golden files. */
export const NOW = Date.UTC(2026, 2, 15, 9, 0, 0);
export const INCIDENT = 'panne-2026-03';
export const XSS_TEXT = '<script>alert("x")</script> Rendez l\'argent ! 100 € perdus, c\'est révoltant';
export const XSS_NAME = '<img src=x onerror=alert(1)>';
export const XSS_URL = 'https://evil.test/"><script>alert(2)</script>';
