// Colour contrast for the widget's theme (WCAG 2.x relative luminance and contrast ratio).
// Plain browser script, no module: the server inlines it in /widget.js (inside the loader's closure) and
// the chat frame loads it as /widget/contrast.js. Unit-tested by evaluating this very file.
var VirageContrast = (function () {
  'use strict';

  var HEX = /^#[0-9a-fA-F]{6}$/;
  var WHITE = '#ffffff';
  var DARK = '#1a1a1a';
  var AA = 4.5;

  function isHexColour(value) {
    return typeof value === 'string' && HEX.test(value);
  }

  function channels(hex) {
    return [1, 3, 5].map(function (i) {
      return parseInt(hex.slice(i, i + 2), 16);
    });
  }

  function toHex(rgb) {
    return '#' + rgb.map(function (c) {
      var v = Math.max(0, Math.min(255, Math.round(c)));
      return (v < 16 ? '0' : '') + v.toString(16);
    }).join('');
  }

  /** WCAG relative luminance: sRGB channels linearised, weighted 0.2126 / 0.7152 / 0.0722. */
  function relativeLuminance(hex) {
    var lin = channels(hex).map(function (c) {
      var s = c / 255;
      return s <= 0.04045 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
    });
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2];
  }

  /** (L1 + 0.05) / (L2 + 0.05), the lighter colour on top: from 1 to 21. */
  function contrastRatio(a, b) {
    var la = relativeLuminance(a);
    var lb = relativeLuminance(b);
    return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
  }

  /** The colour darkened in 5 % steps until it reaches `ratio` against white (at worst black). */
  function darkenUntil(hex, ratio) {
    var rgb = channels(hex);
    var current = hex;
    for (var i = 0; i < 20 && contrastRatio(current, WHITE) < ratio; i++) {
      rgb = rgb.map(function (c) { return c * 0.95; });
      current = toHex(rgb);
    }
    return contrastRatio(current, WHITE) < ratio ? '#000000' : current;
  }

  /**
   * A readable theme from a brand colour: `background` (the colour itself, or darkened when neither
   * white nor dark text reaches 4.5:1 on it), `text` for text on that background, and `onWhite`, the
   * colour (darkened when needed) for text or icons drawn on a white surface.
   */
  function readableTheme(colour, fallback) {
    var base = isHexColour(colour) ? colour.toLowerCase() : isHexColour(fallback) ? fallback.toLowerCase() : '#0b5394';
    var background = base;
    var text = WHITE;
    if (contrastRatio(base, WHITE) < AA) {
      if (contrastRatio(base, DARK) >= AA) {
        text = DARK;
      } else {
        background = darkenUntil(base, AA);
      }
    }
    return {
      background: background,
      text: text,
      onWhite: contrastRatio(base, WHITE) >= AA ? base : darkenUntil(base, AA),
      ratio: Math.round(contrastRatio(background, text) * 100) / 100,
    };
  }

  return {
    isHexColour: isHexColour,
    relativeLuminance: relativeLuminance,
    contrastRatio: contrastRatio,
    darkenUntil: darkenUntil,
    readableTheme: readableTheme,
  };
})();
