export const fr = {
  app: { name: 'Vigie', loading: 'Chargement…' },
};
