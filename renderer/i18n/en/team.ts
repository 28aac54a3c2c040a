// English messages of the team feature, typed against the French ones.
import type { team as fr } from '../fr/team';
import type { Messages } from '../messages';

export const team: Messages<typeof fr> = {};
