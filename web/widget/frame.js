// The chat inside the widget's iframe (/widget/frame): Microsoft Web Chat in French, connected through
// /api/directline/token, which says where to connect (our self-hosted Direct Line by default, Azure's
// when DIRECTLINE_SECRET is set): one code path for both. The frame exists only once the visitor opened
// the chat (CNIL). It keeps user id, conversation id, token and watermark in its own localStorage (or,
// when the browser refuses storage to embedded frames, in the host site's through the loader), refreshes
// the token before it expires, and tells the loader about new bot messages (never their text).
/* global VirageContrast, VirageSession */
(function () {
  'use strict';

  var STORAGE_KEY = 'virage.widget.conversation.v1';

  var params = new URLSearchParams(window.location.search);
  var theme = VirageContrast.readableTheme(params.get('color'), '#0b5394');
  var title = (params.get('title') || 'Virage').slice(0, 60);
  var embedded = window.parent !== window;
  var hostOrigin = null; // known from the loader's init message
  var hostSaved = null;
  var statusEl = document.getElementById('status');
  var root = document.getElementById('webchat');
  var started = false;
  // frame.js runs before webchat.js (both deferred): Web Chat exists once the document is loaded.
  var domReady = false;
  var whenReady = [];
  document.addEventListener('DOMContentLoaded', function () {
    domReady = true;
    whenReady.splice(0).forEach(function (fn) { fn(); });
  });
  function afterLoad(fn) {
    if (domReady) fn();
    else whenReady.push(fn);
  }

  document.title = 'Conversation avec ' + title;
  root.setAttribute('aria-label', 'Conversation avec ' + title);

  function toHost(message) {
    if (embedded && hostOrigin) window.parent.postMessage(message, hostOrigin);
  }

  function showStatus(text, isError) {
    statusEl.textContent = text || '';
    statusEl.classList.toggle('error', !!isError);
  }

  // ---- storage: our own localStorage, else the host's through the loader ----
  var ownStorage = (function () {
    try {
      window.localStorage.setItem(STORAGE_KEY + '.probe', '1');
      window.localStorage.removeItem(STORAGE_KEY + '.probe');
      return true;
    } catch (e) {
      return false;
    }
  })();

  function load() {
    try {
      var saved = ownStorage ? JSON.parse(window.localStorage.getItem(STORAGE_KEY) || '{}') : hostSaved || {};
      return saved && typeof saved === 'object' ? saved : {};
    } catch (e) {
      return {};
    }
  }

  function save(state) {
    if (ownStorage) {
      try {
        window.localStorage.setItem(STORAGE_KEY, JSON.stringify(state));
        return;
      } catch (e) {
        // quota or refusal: fall through to the host
      }
    }
    hostSaved = state;
    toHost({ virage: 'save', state: state });
  }

  function mount() {
    var fresh = root.cloneNode(false);
    root.parentNode.replaceChild(fresh, root);
    root = fresh;
    return fresh;
  }

  /** Web Chat renders asynchronously: retries for a moment until the message box exists. */
  function focusSendBox(attempt) {
    var input = root.querySelector('[data-id="webchat-sendbox-input"], input[type="text"], textarea');
    if (input) input.focus();
    else if ((attempt || 0) < 30) window.setTimeout(function () { focusSendBox((attempt || 0) + 1); }, 100);
  }

  function isNewBotMessage(activity, state) {
    if (!activity || activity.type !== 'message' || !activity.from || activity.from.id === state.userId) return false;
    if (activity.from.role === 'user') return false;
    var at = Date.parse(activity.timestamp || '') || 0;
    if (at <= (state.lastBotAt || 0)) return false; // history shown again after a reload: already seen
    state.lastBotAt = at;
    return true;
  }

  var MESSAGES = {
    expired: ['La connexion a expiré. Fermez puis rouvrez la conversation pour la reprendre.', true],
    ended: ['Cette conversation est terminée. « Nouvelle conversation » en commence une autre.', false],
    failed: ['Connexion impossible au service de conversation. Vérifiez votre connexion, puis réessayez.', true],
    unreachable: ['Le service de conversation ne répond pas pour le moment. Réessayez dans quelques instants.', true],
    online: ['', false],
  };
  var focusOnReady = false;
  var session = new VirageSession.Session({
    load: load,
    save: save,
    mount: mount,
    colors: { onWhite: theme.onWhite, background: theme.background, text: theme.text },
    status: function (kind) {
      var m = MESSAGES[kind] || MESSAGES.online;
      showStatus(m[0], m[1]);
      if (kind === 'failed' || kind === 'unreachable') toHost({ virage: 'failed' });
    },
    // Tells the loader about a new bot message (never its text), for the unread badge.
    onIncoming: function (activity, state) {
      if (!isNewBotMessage(activity, state)) return false;
      toHost({ virage: 'message' });
      return true;
    },
    onReady: function () {
      toHost({ virage: 'ready' });
      if (focusOnReady) focusSendBox(0);
      focusOnReady = false; // a later token renewal must not steal the focus
    },
  });

  function start(forceNew, focus) {
    focusOnReady = !!focus;
    return session.start(forceNew);
  }

  function begin(focus) {
    if (started) return;
    started = true;
    if (!VirageSession.webChatLoaded()) {
      showStatus('Le module de conversation n’est pas installé : lancez npm install.', true);
      toHost({ virage: 'failed' });
      return;
    }
    start(false, focus);
  }

  // Escape anywhere in the chat (unless Web Chat used it, e.g. to leave a card) closes the panel.
  window.addEventListener('keydown', function (event) {
    if (event.key === 'Escape' && !event.defaultPrevented) toHost({ virage: 'close' });
  });

  window.addEventListener('message', function (event) {
    if (!embedded || event.source !== window.parent) return;
    var msg = event.data;
    if (!msg || typeof msg !== 'object' || typeof msg.virage !== 'string') return;
    if (hostOrigin === null) {
      if (msg.virage !== 'init') return;
      hostOrigin = event.origin; // frame-ancestors (ALLOWED_ORIGINS) already vetted who embeds us
      hostSaved = msg.saved && typeof msg.saved === 'object' ? msg.saved : null;
      var focus = !!msg.focus;
      afterLoad(function () { begin(focus); });
      return;
    }
    if (event.origin !== hostOrigin) return;
    if (msg.virage === 'open' && msg.focus) focusSendBox(0);
    else if (msg.virage === 'new') start(true, true);
  });

  if (embedded) {
    window.parent.postMessage({ virage: 'hello' }, '*'); // no data: just "I am loaded"
  } else {
    afterLoad(function () { begin(true); });
  }
})();
