import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TeamRoleId } from '../../../shared/team-model';
import { api } from '../../api';
import { Dialog } from './Dialog';
import { useTeamStore } from './store';

const TEAM_ROLE_IDS: readonly TeamRoleId[] = ['lead', 'comms', 'scribe', 'signatory', 'liaison', 'analyst'];
const SERVICES = ['service_client', 'juridique', 'produit', 'rh', 'direction', 'securite'] as const;

/** Adds a member: name, first name that signs, usual role, services they can take, "this is me". */
export function MemberForm({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const act = useTeamStore((s) => s.act);
  const [name, setName] = useState('');
  const [signature, setSignature] = useState('');
  const [role, setRole] = useState<TeamRoleId | ''>('');
  const [services, setServices] = useState<string[]>([]);
  const [isLocal, setIsLocal] = useState(false);
  return (
    <Dialog title={t('team.member.add')} onClose={onClose} testId="member-form">
      <form
        className="team-form"
        onSubmit={(e) => {
          e.preventDefault();
          void act(() =>
            api.call('team.members.save', {
              displayName: name,
              signature: signature || undefined,
              usualRole: role || null,
              services,
              isLocal,
            }),
          ).then((ok) => ok && onClose());
        }}
      >
        <label className="team-field">
          <span>{t('team.member.name')}</span>
          <input
            className="input"
            required
            maxLength={120}
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        </label>
        <label className="team-field">
          <span>{t('team.member.signature')}</span>
          <input
            className="input"
            maxLength={60}
            value={signature}
            onChange={(e) => setSignature(e.target.value)}
          />
        </label>
        <label className="team-field">
          <span>{t('team.member.role')}</span>
          <select
            className="select"
            value={role}
            onChange={(e) => setRole(e.target.value as TeamRoleId | '')}
          >
            <option value="">{t('team.role.none')}</option>
            {TEAM_ROLE_IDS.map((r) => (
              <option key={r} value={r}>
                {t(`team.role.${r}`)}
              </option>
            ))}
          </select>
        </label>
        <fieldset className="team-field team-checks">
          <legend>{t('team.member.services')}</legend>
          {SERVICES.map((s) => (
            <label key={s}>
              <input
                type="checkbox"
                checked={services.includes(s)}
                onChange={(e) =>
                  setServices((list) => (e.target.checked ? [...list, s] : list.filter((x) => x !== s)))
                }
              />
              {t(`team.service.${s}`)}
            </label>
          ))}
        </fieldset>
        <label className="team-check">
          <input type="checkbox" checked={isLocal} onChange={(e) => setIsLocal(e.target.checked)} />
          {t('team.member.isLocal')}
        </label>
        <div className="team-dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            {t('team.member.cancel')}
          </button>
          <button type="submit" className="button button--primary">
            {t('team.member.save')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
