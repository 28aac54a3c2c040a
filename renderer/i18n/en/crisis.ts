// English messages of the crisis feature, typed against the French ones.
import type { crisis as fr } from '../fr/crisis';
import type { Messages } from '../messages';

export const crisis: Messages<typeof fr> = {};
