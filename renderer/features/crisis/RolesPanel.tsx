import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoleId } from '../../../shared/crisis-model';
import { useFormat } from '../../lib/format';
import { ROLE_IDS } from './constants';
import { useCrisisStore } from './store';

/** Who holds which role now; take a role (yourself or a colleague), give it up. */
export function RolesPanel() {
  const { t } = useTranslation();
  const f = useFormat();
  const state = useCrisisStore((s) => s.state);
  const act = useCrisisStore((s) => s.act);
  const [names, setNames] = useState<Partial<Record<RoleId, string>>>({});
  if (!state) return <p className="crisis-empty">{t('app.loading')}</p>;
  const closed = state.incident.status === 'closed';
  const incidentId = state.incident.id;
  return (
    <div className="roles" data-testid="roles">
      <p className="roles__me">{t('crisis.roles.you', { name: state.localActor })}</p>
      {ROLE_IDS.map((role) => {
        const holders = state.roles.filter((r) => r.role === role);
        const name = names[role] ?? '';
        const assume = (member: string) =>
          void act('roles.assume', { incidentId, role, member }, 'crisis.notice.roleAssumed').then((ok) => {
            if (ok) setNames((n) => ({ ...n, [role]: '' }));
          });
        return (
          <section key={role} className="role" data-testid={`role-${role}`}>
            <h3 className="role__title">{t(`crisis.roles.${role}`)}</h3>
            <ul className="role__holders">
              {holders.length === 0 && <li className="role__vacant">{t('crisis.roles.vacant')}</li>}
              {holders.map((h) => (
                <li key={h.id} className="role__holder">
                  <span>
                    {h.member}
                    {role === 'signatory' && ` (${t('crisis.roles.signs', { name: h.signature })})`}
                    <small> · {t('crisis.roles.since', { time: f.time(h.assumedAt) })}</small>
                  </span>
                  {!closed && (
                    <button
                      type="button"
                      className="button button--small"
                      onClick={() =>
                        void act(
                          'roles.renounce',
                          { incidentId, role, member: h.member },
                          'crisis.notice.roleRenounced',
                        )
                      }
                    >
                      {t('crisis.roles.renounce')}
                    </button>
                  )}
                </li>
              ))}
            </ul>
            {!closed && (
              <form
                className="role__assume"
                onSubmit={(e) => {
                  e.preventDefault();
                  assume(name.trim() || state.localActor);
                }}
              >
                <input
                  className="input"
                  value={name}
                  maxLength={200}
                  placeholder={state.localActor}
                  aria-label={t('crisis.roles.member')}
                  data-testid={`role-member-${role}`}
                  onChange={(e) => setNames((n) => ({ ...n, [role]: e.target.value }))}
                />
                <button type="submit" className="button button--small" data-testid={`role-assume-${role}`}>
                  {t('crisis.roles.assume')}
                </button>
              </form>
            )}
          </section>
        );
      })}
    </div>
  );
}
