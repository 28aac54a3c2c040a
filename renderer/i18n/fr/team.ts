// French messages of the team feature, under the `team.` prefix (source of the keys).
export const team = {};
