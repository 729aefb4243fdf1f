// Behaviour shared by the pages, kept out of the markup: the pages' Content-Security-Policy allows
// no inline script or event handler.
(function () {
  'use strict';

  function start() {
    // A filter that applies as soon as it is chosen (a button does the same without JavaScript).
    document.querySelectorAll('select[data-submit-on-change]').forEach(function (select) {
      select.addEventListener('change', function () {
        select.form.submit();
      });
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
