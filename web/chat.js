// The Virage web chat page: Microsoft Web Chat (French) connected through /api/directline/token, which
// says where to connect (our self-hosted Direct Line by default, Azure's when configured).
// The user id, conversation id, token and watermark are kept in localStorage, so a reload resumes the
// same conversation and shows its recent history. No inline script: the page's CSP is script-src 'self'.
(function () {
  'use strict';

  var STORAGE_KEY = 'virage.webchat.v1';
  /** How many past activities a reload shows again (the watermark is an activity counter). */
  var HISTORY_ON_RELOAD = 100;
  var RENEW_MARGIN_MS = 60 * 1000;
  var ConnectionStatus = { ExpiredToken: 3, FailedToConnect: 4, Ended: 5 };

  var statusEl = document.getElementById('status');
  var root = document.getElementById('webchat');
  var restartButton = document.getElementById('restart');
  var current = null; // { directLine, subscription }
  var renewals = []; // times of recent token renewals, to stop a renewal loop

  function showStatus(text, isError) {
    statusEl.textContent = text || '';
    statusEl.classList.toggle('error', !!isError);
  }

  function load() {
    try {
      var saved = JSON.parse(window.localStorage.getItem(STORAGE_KEY) || '{}');
      return saved && typeof saved === 'object' ? saved : {};
    } catch (e) {
      return {};
    }
  }

  function save(state) {
    try {
      window.localStorage.setItem(STORAGE_KEY, JSON.stringify(state));
    } catch (e) {
      // private browsing or storage disabled: the conversation simply will not survive a reload
    }
  }

  function cssVar(name, fallback) {
    var value = window.getComputedStyle(document.documentElement).getPropertyValue(name).trim();
    return value || fallback;
  }

  function requestToken(saved) {
    var body = {};
    if (saved.userId) body.userId = saved.userId;
    if (saved.token && saved.mode === 'self-hosted') body.token = saved.token;
    return window
      .fetch('/api/directline/token', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
        credentials: 'same-origin',
      })
      .then(function (res) {
        if (res.status === 400 && body.userId) {
          // a corrupted stored id: start afresh with a new one
          return requestToken({});
        }
        if (!res.ok) throw new Error('token ' + res.status);
        return res.json();
      });
  }

  /** The watermark to resume from: a little before the last one seen, so recent messages show again. */
  function resumeWatermark(watermark) {
    var n = Number(watermark);
    if (!watermark || !isFinite(n)) return '';
    return String(Math.max(0, n - HISTORY_ON_RELOAD));
  }

  function styleOptions() {
    var primary = cssVar('--virage-primary', '#0b5394');
    var accent = cssVar('--virage-accent', '#e69138');
    return {
      accent: primary,
      botAvatarInitials: 'V',
      botAvatarBackgroundColor: primary,
      userAvatarInitials: 'Moi',
      bubbleFromUserBackground: primary,
      bubbleFromUserTextColor: '#ffffff',
      bubbleFromUserBorderRadius: 8,
      bubbleBorderRadius: 8,
      bubbleMaxWidth: 560,
      suggestedActionBorderColor: primary,
      suggestedActionTextColor: primary,
      suggestedActionBorderRadius: 16,
      suggestedActionLayout: 'flow',
      transcriptVisualKeyboardIndicatorColor: accent,
      sendBoxButtonColorOnHover: accent,
      hideUploadButton: true,
      primaryFont: "'Segoe UI', system-ui, -apple-system, Roboto, Arial, sans-serif",
      rootHeight: '100%',
      rootWidth: '100%',
    };
  }

  function stop() {
    if (!current) return;
    try {
      current.subscription.unsubscribe();
      current.directLine.end();
    } catch (e) {
      // already ended
    }
    current = null;
  }

  /** Web Chat renders into a fresh element each time; the old tree is dropped with its ended connection. */
  function freshRoot() {
    var fresh = root.cloneNode(false);
    root.parentNode.replaceChild(fresh, root);
    root = fresh;
    return fresh;
  }

  function start(forceNew) {
    stop();
    var saved = forceNew ? { userId: load().userId } : load();
    var stillValid = saved.token && saved.domain && saved.expiresAt - Date.now() > RENEW_MARGIN_MS;
    var connection = stillValid
      ? Promise.resolve({ token: saved.token, conversationId: saved.conversationId, userId: saved.userId, domain: saved.domain, expires_in: (saved.expiresAt - Date.now()) / 1000, mode: saved.mode })
      : requestToken(saved);

    return connection
      .then(function (conn) {
        var mode = conn.mode || 'self-hosted';
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
          mode: mode,
          watermark: resuming ? saved.watermark : '',
        };
        save(state);

        // Keep what a reload needs: the latest watermark, and the token once directlinejs refreshed it.
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
              if (action && action.type === 'DIRECT_LINE/INCOMING_ACTIVITY') remember();
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
              showStatus('La connexion a expiré. Rechargez la page pour reprendre la conversation.', true);
              return;
            }
            renewals.push(Date.now());
            start(false); // a new token for the same conversation
          } else if (status === ConnectionStatus.Ended) {
            save({ userId: state.userId });
            showStatus('Cette conversation est terminée.', false);
            restartButton.hidden = false;
          } else if (status === ConnectionStatus.FailedToConnect) {
            showStatus('Connexion impossible au service de conversation. Vérifiez votre connexion, puis rechargez la page.', true);
          } else if (status === 2) {
            showStatus('', false);
          }
        });
        current = { directLine: directLine, subscription: subscription };

        window.WebChat.renderWebChat(
          {
            directLine: directLine,
            store: store,
            userID: conn.userId,
            username: 'Vous',
            locale: 'fr-FR',
            styleOptions: styleOptions(),
          },
          freshRoot(),
        );
        restartButton.hidden = false;
        showStatus('', false);
        var input = root.querySelector('input[type="text"], textarea');
        if (input) input.focus();
      })
      .catch(function () {
        showStatus('Le service de conversation ne répond pas pour le moment. Réessayez dans quelques instants.', true);
      });
  }

  if (!window.WebChat || typeof window.WebChat.renderWebChat !== 'function') {
    showStatus('Le module de conversation n’est pas installé : lancez npm install.', true);
    return;
  }
  restartButton.addEventListener('click', function () {
    start(true);
  });
  start(false);
})();
