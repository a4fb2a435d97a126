// The coordinator pages' little bit of script: language tabs, characters left, the employer block,
// confirmations and the live preview. Everything works without it (the server does the real work).
(function () {
  'use strict';

  // Language tabs (WAI-ARIA tabs pattern: roving tabindex, arrow keys, Home/End, automatic activation).
  var tabs = Array.prototype.slice.call(document.querySelectorAll('[role="tab"][data-lang]'));
  var langField = document.getElementById('form-lang');

  function selectTab(language, focus) {
    tabs.forEach(function (tab) {
      var selected = tab.getAttribute('data-lang') === language;
      tab.setAttribute('aria-selected', selected ? 'true' : 'false');
      tab.tabIndex = selected ? 0 : -1;
      var panel = document.getElementById(tab.getAttribute('aria-controls'));
      if (panel) panel.hidden = !selected;
      if (selected && focus) tab.focus();
    });
    document.querySelectorAll('[data-preview-lang]').forEach(function (preview) {
      preview.hidden = preview.getAttribute('data-preview-lang') !== language;
    });
    if (langField) langField.value = language;
  }

  tabs.forEach(function (tab, index) {
    tab.addEventListener('click', function () { selectTab(tab.getAttribute('data-lang'), false); });
    tab.addEventListener('keydown', function (event) {
      var next = null;
      if (event.key === 'ArrowRight') next = tabs[(index + 1) % tabs.length];
      else if (event.key === 'ArrowLeft') next = tabs[(index - 1 + tabs.length) % tabs.length];
      else if (event.key === 'Home') next = tabs[0];
      else if (event.key === 'End') next = tabs[tabs.length - 1];
      if (next) {
        event.preventDefault();
        selectTab(next.getAttribute('data-lang'), true);
      }
    });
  });

  // A link to a field in another language's tab (problem summary, conflict list) opens that tab first.
  document.addEventListener('click', function (event) {
    var link = event.target.closest && event.target.closest('a[data-lang]');
    if (!link || !tabs.length) return;
    selectTab(link.getAttribute('data-lang'), false);
    var target = document.getElementById(link.getAttribute('href').slice(1));
    if (target) {
      event.preventDefault();
      target.focus();
      target.scrollIntoView({ block: 'center' });
    }
  });

  // Characters left in a summary.
  document.querySelectorAll('textarea[data-max][data-counter]').forEach(function (area) {
    var counter = document.getElementById(area.getAttribute('data-counter'));
    var max = parseInt(area.getAttribute('data-max'), 10);
    function update() {
      var left = max - area.value.trim().length;
      counter.textContent = left >= 0 ? left + ' characters left' : (-left) + ' characters too many';
      counter.classList.toggle('over', left < 0);
    }
    area.addEventListener('input', update);
    update();
  });

  // The employer block is shown for employers only.
  document.querySelectorAll('select[data-employer-toggle]').forEach(function (select) {
    var block = document.getElementById(select.getAttribute('data-employer-toggle'));
    select.addEventListener('change', function () { if (block) block.hidden = select.value !== 'employer'; });
  });

  // Confirm before archiving or rolling back.
  document.addEventListener('click', function (event) {
    var button = event.target.closest && event.target.closest('button[data-confirm]');
    if (button && !window.confirm(button.getAttribute('data-confirm'))) event.preventDefault();
  });

  // The preview follows what is typed (a short pause after typing), without saving anything.
  var form = document.getElementById('entry-form');
  var previewSet = document.getElementById('preview-set');
  var refresh = document.getElementById('preview-refresh');
  if (form && previewSet && refresh && window.fetch && window.FormData) {
    var timer = 0;
    var pending = null;
    var previewUrl = new URL(form.getAttribute('data-preview-url'), window.location.href).toString();

    var updatePreview = function () {
      if (pending) pending.abort();
      pending = new AbortController();
      fetch(previewUrl, {
        method: 'POST',
        body: new FormData(form),
        headers: { 'X-Requested-With': 'coordinator.js' },
        credentials: 'same-origin',
        signal: pending.signal
      }).then(function (response) {
        return response.ok ? response.text() : null;
      }).then(function (html) {
        if (html === null) return;
        previewSet.innerHTML = html;
        var selected = langField ? langField.value : 'en';
        previewSet.querySelectorAll('[data-preview-lang]').forEach(function (preview) {
          preview.hidden = preview.getAttribute('data-preview-lang') !== selected;
        });
      }).catch(function () { /* aborted or offline: the button still works */ });
    };

    refresh.addEventListener('click', function (event) {
      event.preventDefault();
      updatePreview();
    });
    form.addEventListener('input', function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(updatePreview, 700);
    });
  }

  // After a refused save, take keyboard and screen reader users to the list of problems.
  var summary = document.getElementById('problem-summary');
  if (summary) summary.focus();
})();
