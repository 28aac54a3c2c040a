// Loads playbooks (`*.playbook.yaml`) and statement templates (`templates/*.template.yaml`) from a
// list of folders: the shipped resources/playbooks first, then the user's folder (its data folder).
// A later folder's playbook or template with the same id replaces the earlier one, so a user
// customises a shipped playbook by copying it and keeping its id.
//
// Every problem is a PlaybookError whose message starts with "file:line:" and names the field, e.g.
//   …/breach.playbook.yaml:42: steps[3] (notify-cnil).min_level: unknown level "urgent"; …
// One bad file does not stop the others from loading: loadLibrary returns it in `errors`.
//
// Entry point of the loader: re-exports its parts (the error, one file's checks, the library).
export { PlaybookError, type PlaybookIssue } from './playbook-error';
export { loadPlaybookFile, loadTemplateFile, parsePlaybook, parseTemplate } from './parse';
export { loadLibrary, type PlaybookLibrary } from './library';
