// English messages of the analysis feature, typed against the French ones.
import type { analysis as fr } from '../fr/analysis';
import type { Messages } from '../messages';

export const analysis: Messages<typeof fr> = {};
