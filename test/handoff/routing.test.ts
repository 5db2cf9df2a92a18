import { describe, expect, test } from '@jest/globals';
import { isOpen, nextSlot, normaliseDepartement, routeDepartement } from '../../src/handoff/routing.js';
import { formatFrench, frenchPublicHolidays, parisInstant } from '../../src/handoff/paris-time.js';
import { DirectoryError, EXAMPLE_DIRECTORY, loadDirectory, parseDirectory } from '../../src/handoff/directory.js';
import { readFileSync } from 'node:fs';

const dir = loadDirectory(EXAMPLE_DIRECTORY);
const gironde = dir.ccis.find((c) => c.id === 'cci-exemple-gironde')!;
const rhone = dir.ccis.find((c) => c.id === 'cci-exemple-rhone')!;

describe('routing by département', () => {
  test('a covered département goes to its CCI, the others to the national fallback', () => {
    expect(routeDepartement(dir, '33').id).toBe('cci-exemple-gironde');
    expect(routeDepartement(dir, '33000').id).toBe('cci-exemple-gironde');
    expect(routeDepartement(dir, ' 69 ').id).toBe('cci-exemple-rhone');
    expect(routeDepartement(dir, '75').id).toBe('national');
    expect(routeDepartement(dir, undefined).id).toBe('national');
    expect(routeDepartement(dir, 'n’importe quoi').id).toBe('national');
  });
  test('département codes are normalised', () => {
    expect(normaliseDepartement('6')).toBe('06');
    expect(normaliseDepartement('2a')).toBe('2A');
    expect(normaliseDepartement('20090')).toBe('2A');
    expect(normaliseDepartement('97411')).toBe('974');
    expect(normaliseDepartement('20')).toBeUndefined();
    expect(normaliseDepartement('99')).toBeUndefined();
  });
});

describe('office hours in Paris time', () => {
  test('Monday 10:00 in winter (UTC+1) is open; 8:30 is not', () => {
    expect(isOpen(gironde, new Date('2025-11-24T09:00:00Z'))).toBe(true);
    expect(isOpen(gironde, new Date('2025-11-24T07:30:00Z'))).toBe(false);
  });
  test('Monday 10:00 in summer (UTC+2) is open; the same UTC hour as a winter 8:30 is 9:30 and open', () => {
    expect(isOpen(gironde, new Date('2025-06-16T08:00:00Z'))).toBe(true);
    expect(isOpen(gironde, new Date('2025-06-16T07:30:00Z'))).toBe(true);
    expect(isOpen(gironde, new Date('2025-06-16T06:30:00Z'))).toBe(false);
  });
  test('lunch break and the end of the day are closed; the end of an interval is exclusive', () => {
    expect(isOpen(gironde, new Date('2025-11-24T11:45:00Z'))).toBe(false); // 12:45
    expect(isOpen(gironde, new Date('2025-11-24T16:29:00Z'))).toBe(true); // 17:29
    expect(isOpen(gironde, new Date('2025-11-24T16:30:00Z'))).toBe(false); // 17:30
  });
  test('a Sunday is closed and the next slot is Monday 9:00', () => {
    const sunday = new Date('2025-11-23T11:00:00Z');
    expect(isOpen(gironde, sunday)).toBe(false);
    const slot = nextSlot(gironde, sunday)!;
    expect(slot.at.toISOString()).toBe('2025-11-24T08:00:00.000Z');
    expect(slot.label).toBe('lundi 24 novembre à 9 h 00');
  });
  test('after closing on Monday the next slot is « mardi 25 novembre à 9 h 00 »', () => {
    expect(nextSlot(gironde, new Date('2025-11-24T17:00:00Z'))!.label).toBe('mardi 25 novembre à 9 h 00');
  });
  test('during the morning the next slot is the afternoon opening', () => {
    expect(nextSlot(gironde, new Date('2025-11-24T09:00:00Z'))!.label).toBe('lundi 24 novembre à 13 h 30');
  });
  test('closed days: Christmas (public holiday) and 26 December (the CCI’s own) are skipped', () => {
    const christmasEve = new Date('2025-12-24T17:00:00Z');
    expect(isOpen(gironde, new Date('2025-12-25T09:00:00Z'))).toBe(false);
    expect(isOpen(gironde, new Date('2025-12-26T09:00:00Z'))).toBe(false);
    expect(nextSlot(gironde, christmasEve)!.label).toBe('lundi 29 décembre à 9 h 00');
  });
  test('recurring closed days (MM-DD) and Easter-based holidays', () => {
    expect(isOpen(rhone, new Date('2026-12-24T09:00:00Z'))).toBe(false); // Thursday, « 12-24 »
    expect(frenchPublicHolidays(2026)).toEqual(expect.arrayContaining(['2026-04-06', '2026-05-14', '2026-05-25']));
    expect(isOpen(gironde, new Date('2026-04-06T08:00:00Z'))).toBe(false); // Easter Monday 10:00
    expect(nextSlot(gironde, new Date('2026-05-13T17:00:00Z'))!.label).toBe('lundi 18 mai à 9 h 00'); // Ascension + pont
  });
  test('across the change to summer time the next slot is 9:00 local (07:00 UTC)', () => {
    const slot = nextSlot(gironde, new Date('2026-03-28T11:00:00Z'))!;
    expect(slot.at.toISOString()).toBe('2026-03-30T07:00:00.000Z');
    expect(slot.label).toBe('lundi 30 mars à 9 h 00');
  });
  test('French wording: « 1er » and minutes', () => {
    expect(nextSlot(gironde, new Date('2025-11-30T12:00:00Z'))!.label).toBe('lundi 1er décembre à 9 h 00');
    expect(formatFrench(parisInstant(2025, 7, 14, 8, 30))).toBe('lundi 14 juillet à 8 h 30');
    expect(nextSlot(rhone, new Date('2025-11-23T12:00:00Z'))!.label).toBe('lundi 24 novembre à 8 h 30');
  });
  test('a CCI with no office hours has no next slot', () => {
    const never = { ...gironde, hours: { lundi: [], mardi: [], mercredi: [], jeudi: [], vendredi: [], samedi: [], dimanche: [] } };
    expect(nextSlot(never, new Date())).toBeUndefined();
  });
});

describe('directory check at load', () => {
  test('the example is valid and carries no password', () => {
    expect(dir.ccis.map((c) => c.id)).toEqual(['cci-exemple-gironde', 'cci-exemple-rhone', 'national']);
    expect(dir.ccis.flatMap((c) => c.advisors).every((a) => a.passwordHash === undefined)).toBe(true);
  });
  test('problems are listed in French', () => {
    const bad = JSON.parse(readFileSync(EXAMPLE_DIRECTORY, 'utf8'));
    bad.ccis[0].hours.lundi = [['12:00', '09:00']];
    bad.ccis[1].departements = ['33'];
    bad.ccis[1].advisors[0].password = 'en clair';
    expect(() => parseDirectory(JSON.stringify(bad))).toThrow(DirectoryError);
    bad.ccis[1].advisors[0].password = undefined;
    delete bad.ccis[1].advisors[0].password;
    try {
      parseDirectory(JSON.stringify(bad));
      throw new Error('should have thrown');
    } catch (err) {
      expect((err as DirectoryError).problems).toEqual(
        expect.arrayContaining([expect.stringMatching(/finit avant de commencer/), expect.stringMatching(/département 33 est couvert/)]),
      );
    }
    expect(() => parseDirectory('{ pas du json')).toThrow(/JSON illisible/);
  });
});
