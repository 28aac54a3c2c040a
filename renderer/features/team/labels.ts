// Bilingual texts from the core (load explanations, notifications, playbook steps) in the UI language.
import { useTranslation } from 'react-i18next';

export function usePick(): <T extends { fr: string; en: string }>(text: T) => string {
  const { i18n } = useTranslation();
  const en = i18n.language.startsWith('en');
  return (text) => (en ? text.en : text.fr);
}

export function useIsEnglish(): boolean {
  const { i18n } = useTranslation();
  return i18n.language.startsWith('en');
}

export const STATE_TONE: Record<string, 'ok' | 'info' | 'warn' | 'danger' | 'muted'> = {
  off_duty: 'muted',
  working: 'ok',
  micro_due: 'info',
  break_due: 'warn',
  on_break: 'info',
  overdue: 'danger',
  duty_limit: 'danger',
  daily_limit: 'danger',
};
