import { describe, expect, it } from 'vitest';
import { seesSensitiveService, sensitiveServicesSeenBy, type SensitiveServiceReader } from './sensitive-services-seen-by';

describe('who may learn that a sensitive service is involved', () => {
  it.each<[string, SensitiveServiceReader, ReturnType<typeof sensitiveServicesSeenBy>]>([
    ['the young person, whose it is to know', { kind: 'citizen', relationship: 'self' }, 'every'],
    ['their parent, never', { kind: 'citizen', relationship: 'parent' }, []],
    ['the index team, which brokers contact', { kind: 'staff', role: 'caseworker', sensitiveServiceCode: null }, 'every'],
    ['a practitioner of a sensitive service: their own only', { kind: 'staff', role: 'practitioner', sensitiveServiceCode: 'sexual_health' }, ['sexual_health']],
    ['any other practitioner: none', { kind: 'staff', role: 'practitioner', sensitiveServiceCode: null }, []],
    ['an access manager, even of a sensitive service: none (not the index team)', { kind: 'staff', role: 'administrator', sensitiveServiceCode: 'sexual_health' }, []],
    ['an access manager: none', { kind: 'staff', role: 'administrator' }, []],
  ])('%s', (_, reader, seen) => {
    expect(sensitiveServicesSeenBy(reader)).toEqual(seen);
    const everyOrListed = (code: string) => seen === 'every' || seen.includes(code);
    for (const code of ['sexual_health', 'substance_misuse']) expect(seesSensitiveService(reader, code)).toBe(everyOrListed(code));
  });
});
