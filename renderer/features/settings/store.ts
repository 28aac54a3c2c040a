import { create } from 'zustand';
import i18n, { LANGUAGES, setLanguage, type Language } from '../../i18n';

interface SettingsState {
  language: Language;
  setLanguage(lang: Language): void;
}

const current = (): Language => (LANGUAGES.find((l) => i18n.language.startsWith(l)) ?? 'fr') as Language;

export const useSettingsStore = create<SettingsState>()((set) => ({
  language: current(),
  setLanguage: (lang) => {
    setLanguage(lang); // persists, updates <html lang>, switches i18next
    set({ language: lang });
  },
}));
