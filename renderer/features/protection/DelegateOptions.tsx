import { useTranslation } from 'react-i18next';
import { useTeamStore } from '../team/store';

/** The choices for a case's delegate: nobody yet, or any member of the cell. */
export function DelegateOptions() {
  const { t } = useTranslation();
  const members = useTeamStore((s) => s.board?.members ?? []);
  return (
    <>
      <option value="">{t('team.protection.form.nobody')}</option>
      {members.map((m) => (
        <option key={m.id} value={m.id}>
          {m.displayName}
        </option>
      ))}
    </>
  );
}
