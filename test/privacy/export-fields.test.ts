// The export whitelist: only listed fields leave, whatever a source returns; a source without an entry
// cannot be registered.
import { EXPORT_FIELDS, pickExport } from '../../src/privacy/export-fields.js';
import { PrivacyRegistry } from '../../src/privacy/registry.js';

describe('export whitelist', () => {
  it('keeps listed fields only, at every depth, and leaves on values only', () => {
    const shape = { a: 'value', list: [{ b: 'value' }], labels: 'values', card: 'data' } as const;
    const data = {
      a: 'kept',
      secret: 'dropped',
      list: [{ b: 1, serviceUrl: 'http://x/directline-channel/KEY/' }, 'not an object'],
      labels: { Secteur: 'Boulangerie', nested: { no: true } },
      card: { any: ['thing'] },
    };
    expect(pickExport(shape, data)).toEqual({ a: 'kept', list: [{ b: 1 }], labels: { Secteur: 'Boulangerie' }, card: { any: ['thing'] } });
    expect(pickExport({ a: 'value' }, { a: { an: 'object' } })).toEqual({});
    expect(pickExport([{ a: 'value' }], null)).toBeUndefined();
    expect(pickExport({ a: 'value' }, null)).toBeNull();
  });

  it('refuses a source without a whitelist entry, and applies the entry to the export', async () => {
    const registry = new PrivacyRegistry();
    expect(() => registry.register({ name: 'unlisted', description: '', export: async () => null, erase: async () => 0 })).toThrow(
      /no export whitelist/,
    );
    registry.register({
      name: 'handoffs',
      description: 'd',
      export: async () => [{ id: 'internal', reference: 'VIR-ABCDE', conversation: { serviceUrl: 'http://x/directline-channel/KEY/' } }],
      erase: async () => 0,
    });
    expect((await registry.exportFor('s')).sources[0]!.data).toEqual([{ reference: 'VIR-ABCDE' }]);
    expect(Object.keys(EXPORT_FIELDS)).toContain('handoffs');
  });
});
