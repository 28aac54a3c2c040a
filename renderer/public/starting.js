// Words for the start-up window, in the language the person chose in the app (French first). The
// shell adds ?upgrade=N when the store is being upgraded, which can take a minute on a big store.
/* global document, location */
(function () {
  var words = {
    fr: {
      title: 'Ouverture de Vigie…',
      text: 'Vérification de la base locale.',
      upgrade: function (n) {
        return (
          'Mise à jour de la base locale (' +
          n +
          ' mentions) : elle n’a lieu qu’une fois et peut prendre une minute.'
        );
      },
    },
    en: {
      title: 'Opening Vigie…',
      text: 'Checking the local database.',
      upgrade: function (n) {
        return 'Upgrading the local database (' + n + ' mentions): this happens once and can take a minute.';
      },
    },
  };
  var lang = 'fr';
  try {
    if (localStorage.getItem('vigie.lang') === 'en') lang = 'en';
  } catch {
    // No storage yet: French first.
  }
  var w = words[lang];
  var mentions = Number(new URLSearchParams(location.search).get('upgrade'));
  document.documentElement.lang = lang;
  document.getElementById('title').textContent = w.title;
  document.getElementById('text').textContent =
    mentions > 0
      ? w.upgrade(new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB').format(mentions))
      : w.text;
})();
