// Stride: autocomplete for the question box, as progressive enhancement. Without this script the box is a plain
// search field that submits to /ask. With it, the box becomes an ARIA combobox (WAI-ARIA 1.2 pattern, list
// autocomplete): suggestions from /api/suggest appear in a listbox; Up and Down move through them, Enter asks the
// chosen one, Escape closes the list. Suggestions are written with textContent, never as HTML.
(function () {
  'use strict';

  var input = document.querySelector('input[data-suggest]');
  if (!input || !window.fetch) {
    return;
  }

  var form = input.form;
  var list = document.getElementById(input.id + '-suggestions');
  var status = document.getElementById(input.id + '-status');
  var endpoint = input.getAttribute('data-suggest');
  var limit = 6;
  var items = [];
  var active = -1;
  var timer = 0;
  var latest = 0;
  var controller = null;

  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('aria-controls', list.id);

  function say(text) {
    if (status) {
      status.textContent = text;
    }
  }

  function isOpen() {
    return !list.hidden;
  }

  function close() {
    // Closed means closed: a list still on its way (typed before Escape, Tab or a choice) is not shown.
    window.clearTimeout(timer);
    latest++;
    if (controller) {
      controller.abort();
      controller = null;
    }
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  }

  function open() {
    if (items.length === 0) {
      return;
    }
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
  }

  function setActive(index) {
    var options = list.children;
    if (active >= 0 && options[active]) {
      options[active].setAttribute('aria-selected', 'false');
      options[active].classList.remove('active');
    }
    active = index;
    if (active < 0 || !options[active]) {
      input.removeAttribute('aria-activedescendant');
      return;
    }
    var option = options[active];
    option.setAttribute('aria-selected', 'true');
    option.classList.add('active');
    input.setAttribute('aria-activedescendant', option.id);
    option.scrollIntoView({ block: 'nearest' });
  }

  function choose(index) {
    var item = items[index];
    if (!item) {
      return;
    }
    input.value = item.text;
    close();
    if (form.requestSubmit) {
      form.requestSubmit();
    } else {
      form.submit();
    }
  }

  function render(suggestions) {
    // A fresher list can arrive after the person started moving through the old one: keep their choice when it is
    // still there, so Enter asks what they picked.
    var chosen = active >= 0 && items[active] ? items[active].text : null;
    items = suggestions;
    active = -1;
    list.textContent = '';
    suggestions.forEach(function (suggestion, index) {
      var option = document.createElement('li');
      option.id = input.id + '-option-' + index;
      option.setAttribute('role', 'option');
      option.setAttribute('aria-selected', 'false');
      option.textContent = suggestion.text;
      // mousedown, not click: the box keeps its focus, so the list is not closed by blur first.
      option.addEventListener('mousedown', function (event) {
        event.preventDefault();
        choose(index);
      });
      list.appendChild(option);
    });
    if (suggestions.length > 0) {
      open();
      if (chosen !== null) {
        for (var i = 0; i < suggestions.length; i++) {
          if (suggestions[i].text === chosen) {
            setActive(i);
            break;
          }
        }
      }
      say(suggestions.length === 1
        ? '1 suggestion. Use the down arrow to choose it.'
        : suggestions.length + ' suggestions. Use the up and down arrows to choose one.');
    } else {
      close();
      say('');
    }
  }

  function fetchSuggestions() {
    var prefix = input.value.trim();
    if (prefix.length < 2 || prefix.length > 200) {
      render([]);
      return;
    }
    var ticket = ++latest;
    if (controller) {
      controller.abort();
    }
    controller = window.AbortController ? new AbortController() : null;
    fetch(endpoint + '?prefix=' + encodeURIComponent(prefix) + '&limit=' + limit, {
      headers: { Accept: 'application/json' },
      signal: controller ? controller.signal : undefined
    }).then(function (response) {
      return response.ok ? response.json() : { suggestions: [] };
    }).then(function (body) {
      if (ticket === latest && document.activeElement === input) {
        render(Array.isArray(body.suggestions) ? body.suggestions : []);
      }
    }).catch(function () {
      // Offline, aborted or rate-limited: the box still works without suggestions.
    });
  }

  input.addEventListener('input', function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(fetchSuggestions, 120);
  });

  input.addEventListener('keydown', function (event) {
    var count = items.length;
    switch (event.key) {
      case 'ArrowDown':
        if (count === 0) {
          return;
        }
        event.preventDefault();
        if (!isOpen()) {
          open();
        }
        setActive(active + 1 >= count ? 0 : active + 1);
        break;
      case 'ArrowUp':
        if (count === 0) {
          return;
        }
        event.preventDefault();
        if (!isOpen()) {
          open();
        }
        setActive(active <= 0 ? count - 1 : active - 1);
        break;
      case 'Enter':
        if (isOpen() && active >= 0) {
          event.preventDefault();
          choose(active);
        }
        break;
      case 'Escape':
        if (isOpen()) {
          event.preventDefault();
          close();
        }
        break;
      case 'Tab':
        close();
        break;
      default:
        break;
    }
  });

  input.addEventListener('blur', close);
  input.addEventListener('focus', function () {
    if (items.length > 0 && input.value.trim().length >= 2) {
      open();
    }
  });
})();
