// One Web Chat session, shared by the chat page (/) and the widget's frame (/widget/frame): a token from
// /api/directline/token (which says where to connect: our self-hosted Direct Line by default, Azure's
// when DIRECTLINE_SECRET is set), resume with conversation id + watermark after a reload, refresh before
// expiry, a new token for the same conversation when it expired, and Web Chat rendered in French.
// Each page gives its storage, its colours and what to say on each status. No inline script anywhere:
// the pages' CSP is script-src 'self'.
(function () {
  'use strict';

  /** How many past activities a reload shows again (the watermark is an activity counter). */
  var HISTORY_ON_RELOAD = 100;
  var RENEW_MARGIN_MS = 5 * 60 * 1000;
  var ConnectionStatus = { Online: 2, ExpiredToken: 3, FailedToConnect: 4, Ended: 5 };

  function requestToken(saved) {
    // Our Direct Line accepts a user id only with the previous token as proof (possibly expired).
    var body = {};
    var proof = !!saved.token && saved.mode === 'self-hosted';
    var azureProof = saved.mode === 'azure' && saved.proof;
    if (saved.userId && (proof || azureProof)) body.userId = saved.userId;
    if (proof) body.token = saved.token;
    if (azureProof) body.proof = saved.proof;
    if (proof && saved.fresh) body.newConversation = true;
    return window
      .fetch('/api/directline/token', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
        credentials: 'same-origin',
      })
      .then(function (res) {
        if (res.status === 400 && body.userId) return requestToken({}); // a corrupted stored id: start afresh
        if (res.status === 403 && (body.token || body.userId)) return requestToken({}); // proof refused: start afresh
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
        return { token: data.token, conversationId: saved.conversationId, userId: saved.userId, domain: saved.domain, expires_in: data.expires_in, mode: saved.mode, proof: saved.proof };
      });
  }

  function connection(saved) {
    var left = (saved.expiresAt || 0) - Date.now();
    if (!saved.token || !saved.domain) return requestToken(saved);
    var asIs = { token: saved.token, conversationId: saved.conversationId, userId: saved.userId, domain: saved.domain, expires_in: left / 1000, mode: saved.mode, proof: saved.proof };
    if (left > RENEW_MARGIN_MS) return Promise.resolve(asIs);
    if (left > 5000) return refreshToken(saved).catch(function () { return requestToken(saved); });
    return requestToken(saved);
  }

  /** The watermark to resume from: a little before the last one seen, so recent messages show again. */
  function resumeWatermark(watermark) {
    var n = Number(watermark);
    if (!watermark || !isFinite(n)) return '';
    return String(Math.max(0, n - HISTORY_ON_RELOAD));
  }

  /** Web Chat's style options from three colours: accents on white, the user's bubble and its text. */
  function styleOptions(colors) {
    return {
      accent: colors.onWhite,
      botAvatarInitials: 'V',
      botAvatarBackgroundColor: colors.background,
      userAvatarInitials: 'Moi',
      bubbleFromUserBackground: colors.background,
      bubbleFromUserTextColor: colors.text,
      bubbleBorderRadius: 8,
      bubbleFromUserBorderRadius: 8,
      bubbleMaxWidth: 560,
      suggestedActionBorderColor: colors.onWhite,
      suggestedActionTextColor: colors.onWhite,
      suggestedActionBorderRadius: 16,
      suggestedActionLayout: 'flow',
      transcriptVisualKeyboardIndicatorColor: colors.focus || colors.onWhite,
      sendBoxButtonColorOnHover: colors.focus || colors.onWhite,
      hideUploadButton: true,
      primaryFont: "'Segoe UI', system-ui, -apple-system, Roboto, Arial, sans-serif",
      rootHeight: '100%',
      rootWidth: '100%',
    };
  }

  /**
   * opts: {
   *   load(): saved state, save(state),
   *   mount(): a fresh element to render Web Chat into,
   *   colors: { onWhite, background, text, focus? },
   *   status(kind): kind is 'online' | 'expired' (renewals loop) | 'ended' | 'failed' | 'unreachable',
   *   onIncoming(activity, state): true when the state changed and must be saved (optional),
   *   onReady(): after Web Chat is rendered (optional)
   * }
   */
  function Session(opts) {
    this.opts = opts;
    this.current = null; // { directLine, subscription, timer }
    this.renewals = []; // times of recent token renewals, to stop a renewal loop
  }

  Session.prototype.stop = function () {
    if (!this.current) return;
    window.clearInterval(this.current.timer);
    try {
      this.current.subscription.unsubscribe();
      this.current.directLine.end();
    } catch (e) {
      // already ended
    }
    this.current = null;
  };

  /** Connects (resuming the saved conversation unless forceNew) and renders Web Chat. */
  Session.prototype.start = function (forceNew) {
    var self = this;
    var opts = this.opts;
    this.stop();
    var previous = opts.load();
    var saved = forceNew ? { userId: previous.userId, token: previous.token, mode: previous.mode, proof: previous.proof, fresh: true } : previous;
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
          proof: conn.proof,
          watermark: resuming ? saved.watermark : '',
          lastBotAt: resuming ? saved.lastBotAt || 0 : 0,
        };
        opts.save(state);

        // What a reload needs: the latest watermark, and the token once directlinejs refreshed it.
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
          if (changed) opts.save(state);
        };
        var store = window.WebChat.createStore({}, function () {
          return function (next) {
            return function (action) {
              var result = next(action);
              if (action && action.type === 'DIRECT_LINE/INCOMING_ACTIVITY') {
                remember();
                if (opts.onIncoming && opts.onIncoming(action.payload && action.payload.activity, state)) opts.save(state);
              }
              return result;
            };
          };
        });

        var subscription = directLine.connectionStatus$.subscribe(function (status) {
          if (status === ConnectionStatus.ExpiredToken) {
            remember();
            state.expiresAt = 0;
            opts.save(state);
            self.renewals = self.renewals.filter(function (t) { return Date.now() - t < 60 * 1000; });
            if (self.renewals.length >= 3) return opts.status('expired');
            self.renewals.push(Date.now());
            self.start(false); // a new token for the same conversation
          } else if (status === ConnectionStatus.Ended) {
            opts.save({ userId: state.userId, token: state.token, mode: state.mode, proof: state.proof, fresh: true });
            opts.status('ended');
          } else if (status === ConnectionStatus.FailedToConnect) {
            opts.status('failed');
          } else if (status === ConnectionStatus.Online) {
            opts.status('online');
          }
        });
        self.current = { directLine: directLine, subscription: subscription, timer: window.setInterval(remember, 60 * 1000) };

        window.WebChat.renderWebChat(
          { directLine: directLine, store: store, userID: conn.userId, username: 'Vous', locale: 'fr-FR', styleOptions: styleOptions(opts.colors) },
          opts.mount(),
        );
        opts.status('online');
        if (opts.onReady) opts.onReady();
      })
      .catch(function () {
        opts.status('unreachable');
      });
  };

  /** True when Microsoft Web Chat's bundle is loaded. */
  function webChatLoaded() {
    return !!window.WebChat && typeof window.WebChat.renderWebChat === 'function';
  }

  window.VirageSession = { Session: Session, webChatLoaded: webChatLoaded, resumeWatermark: resumeWatermark };
})();
