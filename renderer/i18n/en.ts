import type { fr } from './fr';

type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };

export const en: Messages<typeof fr> = {
  app: { name: 'Vigie', loading: 'Loading…' },
};
