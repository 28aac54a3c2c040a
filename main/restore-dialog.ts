// Start-up on a damaged store: the core refused it (code `db_corrupt`) and left it untouched. When an
// automatic backup exists, the person chooses between bringing it back and quitting; nothing is
// restored without that choice, and the damaged file is kept beside the restored one.
import { app, dialog } from 'electron';
import { latestBackup } from './core/store/backup-files';

const TEXT = {
  fr: {
    title: 'Base Vigie endommagée',
    lead: 'La base de données de Vigie est endommagée ; Vigie ne l’a pas modifiée.',
    backup: (at: string) => `Dernière sauvegarde automatique : ${at}.`,
    restore: 'Restaurer cette sauvegarde',
    quit: 'Quitter',
  },
  en: {
    title: 'Vigie database damaged',
    lead: 'The Vigie database is damaged; Vigie left it untouched.',
    backup: (at: string) => `Last automatic backup: ${at}.`,
    restore: 'Restore this backup',
    quit: 'Quit',
  },
};

/** True when the person asked to restore the newest backup; false when there is none or they quit. */
export function askToRestore(dbPath: string, detail: string): boolean {
  const latest = latestBackup(dbPath);
  if (!latest) return false;
  const lang = app.getLocale().toLowerCase().startsWith('en') ? 'en' : 'fr';
  const t = TEXT[lang];
  const at = new Date(latest.at).toLocaleString(lang === 'fr' ? 'fr-FR' : 'en-GB');
  const choice = dialog.showMessageBoxSync({
    type: 'error',
    title: t.title,
    message: `${t.lead}\n${t.backup(at)}`,
    detail,
    buttons: [t.restore, t.quit],
    defaultId: 0,
    cancelId: 1,
    noLink: true,
  });
  return choice === 0;
}
