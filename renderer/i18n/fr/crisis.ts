// French messages of the crisis feature, under the `crisis.` prefix (source of the keys).
export const crisis = {};
