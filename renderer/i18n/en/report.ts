// English messages of the report feature, typed against the French ones.
import type { report as fr } from '../fr/report';
import type { Messages } from '../messages';

export const report: Messages<typeof fr> = {};
