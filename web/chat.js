// The Virage web chat page: Microsoft Web Chat (French) through the shared session (web/session.js).
// The user id, conversation id, token and watermark are kept in localStorage, so a reload resumes the
// same conversation and shows its recent history. No inline script: the page's CSP is script-src 'self'.
/* global VirageSession */
(function () {
  'use strict';

  var STORAGE_KEY = 'virage.webchat.v1';
  var MESSAGES = {
    expired: ['La connexion a expiré. Rechargez la page pour reprendre la conversation.', true],
    ended: ['Cette conversation est terminée.', false],
    failed: ['Connexion impossible au service de conversation. Vérifiez votre connexion, puis rechargez la page.', true],
    unreachable: ['Le service de conversation ne répond pas pour le moment. Réessayez dans quelques instants.', true],
    online: ['', false],
  };

  var statusEl = document.getElementById('status');
  var root = document.getElementById('webchat');
  var restartButton = document.getElementById('restart');

  function showStatus(text, isError) {
    statusEl.textContent = text || '';
    statusEl.classList.toggle('error', !!isError);
  }

  function cssVar(name, fallback) {
    var value = window.getComputedStyle(document.documentElement).getPropertyValue(name).trim();
    return value || fallback;
  }

  if (!VirageSession.webChatLoaded()) {
    showStatus('Le module de conversation n’est pas installé : lancez npm install.', true);
    return;
  }

  var primary = cssVar('--virage-primary', '#0b5394');
  var session = new VirageSession.Session({
    load: function () {
      try {
        var saved = JSON.parse(window.localStorage.getItem(STORAGE_KEY) || '{}');
        return saved && typeof saved === 'object' ? saved : {};
      } catch (e) {
        return {};
      }
    },
    save: function (state) {
      try {
        window.localStorage.setItem(STORAGE_KEY, JSON.stringify(state));
      } catch (e) {
        // private browsing or storage disabled: the conversation simply will not survive a reload
      }
    },
    // Web Chat renders into a fresh element each time; the old tree is dropped with its ended connection.
    mount: function () {
      var fresh = root.cloneNode(false);
      root.parentNode.replaceChild(fresh, root);
      root = fresh;
      return fresh;
    },
    colors: { onWhite: primary, background: primary, text: '#ffffff', focus: cssVar('--virage-accent', '#e69138') },
    status: function (kind) {
      var m = MESSAGES[kind] || MESSAGES.online;
      showStatus(m[0], m[1]);
      if (kind === 'ended') restartButton.hidden = false;
    },
    onReady: function () {
      restartButton.hidden = false;
      var input = root.querySelector('input[type="text"], textarea');
      if (input) input.focus();
    },
  });

  restartButton.addEventListener('click', function () {
    session.start(true);
  });
  session.start(false);
})();
