import { useTranslation } from 'react-i18next';

/**
 * The cell's names as buttons under a free-text list of people ("Claire Dubois, Maître Roux"): one
 * click adds or removes a member, spelled as the team spells them, while the text stays open to
 * someone outside the cell (a lawyer, the CEO). Pressed = already in the list.
 */
export function NameChoices({
  names,
  chosen,
  onToggle,
}: {
  names: readonly string[];
  chosen: readonly string[];
  onToggle(name: string): void;
}) {
  const { t } = useTranslation();
  if (names.length === 0) return null;
  const picked = new Set(chosen.map((n) => n.toLocaleLowerCase()));
  return (
    <div
      className="name-choices"
      role="group"
      aria-label={t('crisis.names.label')}
      data-testid="name-choices"
    >
      <span className="name-choices__label" aria-hidden="true">
        {t('crisis.names.label')}
      </span>
      {names.map((name) => (
        <button
          key={name}
          type="button"
          className="name-choices__name"
          aria-pressed={picked.has(name.toLocaleLowerCase())}
          onClick={() => onToggle(name)}
        >
          {name}
        </button>
      ))}
    </div>
  );
}
