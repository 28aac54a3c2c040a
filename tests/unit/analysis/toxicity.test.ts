import { describe, expect, it } from 'vitest';
import { analyzeText, type ToxicityContext } from '../../../main/core/analysis/index';

const context: ToxicityContext = {
  protectedPeople: [{ name: 'Julie Marchand', handles: ['julie_marchand', 'juliemarchand@mastodon.social'] }],
  teamMembers: [{ name: 'Sophie Laurent', handles: ['sophie_cm'] }],
  brands: [{ name: 'Ondaline', handles: ['Ondaline', 'Ondaline_SAV'] }],
};
const tox = (text: string, platformLang?: string) => analyzeText(text, { platformLang, context });

describe('toxicity: insults', () => {
  it('flags insults in French and English', () => {
    expect(tox('bande de connards', 'fr').reasons).toContain('insult');
    expect(tox('you stupid asshole', 'en').reasons).toContain('insult');
  });

  it('sees through leet-speak, stretched, spaced and starred letters', () => {
    for (const t of [
      'espèce de c0nn4rd',
      'sale b4t4rd',
      'vous êtes des nuuuuuls',
      't es vraiment un c o n n a r d',
      'bande d’enc*lés',
    ]) {
      expect(tox(t, 'fr').toxicity, t).toBeGreaterThanOrEqual(0.5);
    }
    for (const t of [
      'you absolute b1tch',
      'a$$hole',
      'you are all looooosers',
      "you're an a s s h o l e",
      'f*** off clowns',
    ]) {
      expect(tox(t, 'en').toxicity, t).toBeGreaterThanOrEqual(0.5);
    }
  });

  it('does not take anger at the brand for abuse', () => {
    for (const [t, l] of [
      ["Ondaline c'est de la merde", 'fr'],
      ['putain de panne, 6h sans internet', 'fr'],
      ['ce film est nul à chier', 'fr'],
      ['this app is shit', 'en'],
      ['fucking outage again', 'en'],
      ['il fait un temps de chien', 'fr'],
      ['ta gueule de bois ce matin mdr', 'fr'],
    ]) {
      expect(tox(t!, l).toxicity, t).toBeLessThan(0.5);
    }
  });

  it('tells abuse at a person from anger at the brand', () => {
    const person = tox("@julie_marchand t'es une incapable, démissionne", 'fr');
    expect(person.reasons).toEqual(['insult', 'targeted']);
    expect(person.targets).toEqual(['Julie Marchand']);
    expect(person.aimedAt).toBe('person');

    const named = tox('Julie Marchand c’est une menteuse et une incapable', 'fr');
    expect(named.reasons).toContain('targeted');

    const brand = tox("Ondaline c'est de la merde", 'fr');
    expect(brand.reasons).toEqual([]);
    expect(brand.aimedAt).toBeNull();

    // Staff insulted through the brand account: abuse, but no one person targeted.
    const staff = tox('@Ondaline_SAV bande de clowns incompétents', 'fr');
    expect(staff.reasons).toEqual(['insult']);
    expect(staff.aimedAt).toBe('people');

    // A protected person mentioned without abuse is not abuse.
    const calm = tox('Merci Julie Marchand pour votre message', 'fr');
    expect(calm.toxicity).toBeLessThan(0.5);
    expect(calm.targets).toEqual(['Julie Marchand']);
  });
});

describe('toxicity: threats', () => {
  it('flags French threats', () => {
    for (const t of [
      'on sait où tu habites',
      'on sait où tu bosses, fais gaffe',
      'tu vas payer',
      'je vais te retrouver',
      'gare à toi',
    ]) {
      expect(tox(t, 'fr').reasons, t).toContain('threat');
    }
  });
  it('flags English threats', () => {
    for (const t of [
      "you'll pay for this",
      'watch your back',
      'we know where you live',
      "I'm going to find you",
    ]) {
      expect(tox(t, 'en').reasons, t).toContain('threat');
    }
  });
  it('leaves banter and legal threats alone', () => {
    expect(tox('je vais te défoncer à Mario Kart ce soir 😂', 'fr').reasons).not.toContain('threat');
    expect(tox('je vais porter plainte', 'fr').toxicity).toBeLessThan(0.5);
    expect(tox('vous allez payer les pénalités de retard ?', 'fr').toxicity).toBeLessThan(0.5);
    expect(tox("we'll see you in court", 'en').toxicity).toBeLessThan(0.5);
  });
  it('marks a threat at a team member as targeted', () => {
    expect(tox('@sophie_cm gare à toi quand tu sortiras du boulot', 'fr').reasons).toEqual([
      'threat',
      'targeted',
    ]);
  });
});

describe('toxicity: doxxing', () => {
  it('flags exposed addresses, phone numbers and emails', () => {
    expect(tox('elle habite au 12 rue des Lilas à Nantes, allez lui dire bonjour', 'fr').reasons).toContain(
      'doxxing',
    );
    expect(tox('son numéro perso c’est le 06 12 34 56 78, appelez-le', 'fr').reasons).toContain('doxxing');
    expect(tox('his personal number is +44 7700 900123', 'en').reasons).toContain('doxxing');
    expect(tox('her address is 45 Oak Avenue, go see her', 'en').reasons).toContain('doxxing');
    expect(tox("here's her email: jenny.k.smith@gmail.com, have fun", 'en').reasons).toContain('doxxing');
    expect(tox('quelqu’un a l’adresse perso du PDG ?', 'fr').reasons).toContain('doxxing');
  });
  it('leaves business contact details alone', () => {
    expect(tox('Service client : 09 69 39 39 00 du lundi au samedi', 'fr').toxicity).toBeLessThan(0.5);
    expect(tox('Call us at (555) 123-4567 for more information', 'en').toxicity).toBeLessThan(0.5);
    expect(tox('Le siège social est au 45 avenue de la République à Paris.', 'fr').toxicity).toBeLessThan(
      0.5,
    );
  });
});
