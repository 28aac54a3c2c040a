import type { TFunction } from 'i18next';
import type { QuarantineItem } from '../../../shared/model';

/**
 * Why a record was set aside, in the interface's language: "Ligne 12 · Date illisible : « hier »".
 * Records set aside before reasons had codes only have the core's English sentence, shown as it is.
 */
export function quarantineReasonText(t: TFunction, item: QuarantineItem): string {
  if (!item.code) return item.reason;
  const { unit, n, value, cells, columns } = item.detail;
  const why = t(`sources.quarantine.reasons.${item.code}`, { value: value ?? '', cells, columns });
  return unit && n ? `${t(`sources.quarantine.where.${unit}`, { n })} · ${why}` : why;
}
