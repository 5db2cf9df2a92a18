// The chat inside the widget's iframe (/widget/frame): Microsoft Web Chat in French, connected through
// /api/directline/token, which says where to connect (our self-hosted Direct Line by default, Azure's
// when DIRECTLINE_SECRET is set): one code path for both. The frame exists only once the visitor opened
// the chat (CNIL). It keeps user id, conversation id, token and watermark in its own localStorage (or,
// when the browser refuses storage to embedded frames, in the host site's through the loader), refreshes
// the token before it expires, and tells the loader about new bot messages (never their text).
/* global VirageContrast */
(function () {
  'use strict';

  var STORAGE_KEY = 'virage.widget.conversation.v1';
  var HISTORY_ON_RELOAD = 100;
  var RENEW_MARGIN_MS = 5 * 60 * 1000;
  var ConnectionStatus = { Online: 2, ExpiredToken: 3, FailedToConnect: 4, Ended: 5 };

  var params = new URLSearchParams(window.location.search);
  var theme = VirageContrast.readableTheme(params.get('color'), '#0b5394');
  var title = (params.get('title') || 'Virage').slice(0, 60);
  var embedded = window.parent !== window;
  var hostOrigin = null; // known from the loader's init message
  var hostSaved = null;
  var statusEl = document.getElementById('status');
  var root = document.getElementById('webchat');
  var current = null; // { directLine, subscription, timer }
  var renewals = [];
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

  // ---- tokens ----
  function requestToken(saved) {
    var body = {};
    if (saved.userId) body.userId = saved.userId;
    if (saved.token && saved.mode === 'self-hosted') body.token = saved.token;
    return window
      .fetch('/api/directline/token', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body), credentials: 'same-origin' })
      .then(function (res) {
        if (res.status === 400 && body.userId) return requestToken({});
        if (res.status === 403 && body.token) return requestToken({ userId: saved.userId });
        if (!res.ok) throw new Error('token ' + res.status);
        return res.json();
      });
  }

  /** A still valid token close to its expiry is refreshed (same conversation, Azure or ours). */
  function refreshToken(saved) {
    return window
      .fetch(saved.domain + '/tokens/refresh', { method: 'POST', headers: { Authorization: 'Bearer ' + saved.token } })
      .then(function (res) {
        if (!res.ok) throw new Error('refresh ' + res.status);
        return res.json();
      })
      .then(function (data) {
        if (!data || typeof data.token !== 'string') throw new Error('refresh');
        return { token: data.token, conversationId: saved.conversationId, userId: saved.userId, domain: saved.domain, expires_in: data.expires_in, mode: saved.mode };
      });
  }

  function connection(saved) {
    var left = (saved.expiresAt || 0) - Date.now();
    if (!saved.token || !saved.domain) return requestToken(saved);
    var asIs = { token: saved.token, conversationId: saved.conversationId, userId: saved.userId, domain: saved.domain, expires_in: left / 1000, mode: saved.mode };
    if (left > RENEW_MARGIN_MS) return Promise.resolve(asIs);
    if (left > 5000) return refreshToken(saved).catch(function () { return requestToken(saved); });
    return requestToken(saved);
  }

  function resumeWatermark(watermark) {
    var n = Number(watermark);
    if (!watermark || !isFinite(n)) return '';
    return String(Math.max(0, n - HISTORY_ON_RELOAD));
  }

  function styleOptions() {
    return {
      accent: theme.onWhite, botAvatarInitials: 'V', botAvatarBackgroundColor: theme.background,
      userAvatarInitials: 'Moi', bubbleFromUserBackground: theme.background, bubbleFromUserTextColor: theme.text,
      bubbleBorderRadius: 8, bubbleFromUserBorderRadius: 8, suggestedActionBorderColor: theme.onWhite,
      suggestedActionTextColor: theme.onWhite, suggestedActionBorderRadius: 16, suggestedActionLayout: 'flow',
      hideUploadButton: true, primaryFont: "'Segoe UI', system-ui, -apple-system, Roboto, Arial, sans-serif",
      rootHeight: '100%', rootWidth: '100%',
    };
  }

  function stop() {
    if (!current) return;
    window.clearInterval(current.timer);
    try {
      current.subscription.unsubscribe();
      current.directLine.end();
    } catch (e) {
      // already ended
    }
    current = null;
  }

  function freshRoot() {
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

  function start(forceNew, focus) {
    stop();
    var previous = load();
    var saved = forceNew ? { userId: previous.userId } : previous;
    return connection(saved)
      .then(function (conn) {
        var resuming = !!saved.conversationId && conn.conversationId === saved.conversationId;
        var options = { token: conn.token, domain: conn.domain, webSocket: true };
        if (resuming) {
          options.conversationId = conn.conversationId;
          options.watermark = resumeWatermark(saved.watermark);
        }
        var directLine = window.WebChat.createDirectLine(options);
        var state = {
          userId: conn.userId,
          conversationId: conn.conversationId,
          token: conn.token,
          expiresAt: Date.now() + (conn.expires_in || 1800) * 1000,
          domain: conn.domain,
          mode: conn.mode || 'self-hosted',
          watermark: resuming ? saved.watermark : '',
          lastBotAt: resuming ? saved.lastBotAt || 0 : 0,
        };
        save(state);

        // What a reload needs: the latest watermark, the token once directlinejs refreshed it.
        var remember = function () {
          var changed = false;
          if (directLine.watermark && directLine.watermark !== state.watermark) {
            state.watermark = directLine.watermark;
            changed = true;
          }
          if (directLine.conversationId && directLine.conversationId !== state.conversationId) {
            state.conversationId = directLine.conversationId;
            changed = true;
          }
          if (directLine.token && directLine.token !== state.token) {
            state.token = directLine.token;
            state.expiresAt = Date.now() + 1800 * 1000;
            changed = true;
          }
          if (changed) save(state);
        };
        var store = window.WebChat.createStore({}, function () {
          return function (next) {
            return function (action) {
              var result = next(action);
              if (action && action.type === 'DIRECT_LINE/INCOMING_ACTIVITY') {
                remember();
                if (isNewBotMessage(action.payload && action.payload.activity, state)) {
                  save(state);
                  toHost({ virage: 'message' });
                }
              }
              return result;
            };
          };
        });

        var subscription = directLine.connectionStatus$.subscribe(function (status) {
          if (status === ConnectionStatus.ExpiredToken) {
            remember();
            state.expiresAt = 0;
            save(state);
            renewals = renewals.filter(function (t) { return Date.now() - t < 60 * 1000; });
            if (renewals.length >= 3) {
              showStatus('La connexion a expiré. Fermez puis rouvrez la conversation pour la reprendre.', true);
              return;
            }
            renewals.push(Date.now());
            start(false, false);
          } else if (status === ConnectionStatus.Ended) {
            save({ userId: state.userId });
            showStatus('Cette conversation est terminée. « Nouvelle conversation » en commence une autre.', false);
          } else if (status === ConnectionStatus.FailedToConnect) {
            showStatus('Connexion impossible au service de conversation. Vérifiez votre connexion, puis réessayez.', true);
            toHost({ virage: 'failed' });
          } else if (status === ConnectionStatus.Online) {
            showStatus('', false);
          }
        });
        current = { directLine: directLine, subscription: subscription, timer: window.setInterval(remember, 60 * 1000) };

        window.WebChat.renderWebChat(
          { directLine: directLine, store: store, userID: conn.userId, username: 'Vous', locale: 'fr-FR', styleOptions: styleOptions() },
          freshRoot(),
        );
        showStatus('', false);
        toHost({ virage: 'ready' });
        if (focus) focusSendBox(0);
      })
      .catch(function () {
        showStatus('Le service de conversation ne répond pas pour le moment. Réessayez dans quelques instants.', true);
        toHost({ virage: 'failed' });
      });
  }

  function begin(focus) {
    if (started) return;
    started = true;
    if (!window.WebChat || typeof window.WebChat.renderWebChat !== 'function') {
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
