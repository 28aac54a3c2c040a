// French messages of the analysis feature, under the `analysis.` prefix (source of the keys).
export const analysis = {};
