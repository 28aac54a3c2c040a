// French messages of the report feature, under the `report.` prefix (source of the keys).
export const report = {};
