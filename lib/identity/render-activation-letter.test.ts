import { describe, expect, it } from 'vitest';
import { newActivationCode } from './new-activation-code';
import { renderActivationLetter } from './render-activation-letter';
import { readLetterText } from '@/testing/read-letter-text';

const SENDER = { reference: 'AL-7QHM-X9KD', serviceAddress: 'https://index.example.gov.uk/portal', sender: { name: 'Leeds City Council', phone: '0113 222 4444' } };

describe('the activation letter', () => {
  it('names the service, its web address, who sent it, a phone number and a reference', async () => {
    const pdf = await renderActivationLetter({
      recipientName: 'Alex Oakenshaw',
      addressLines: ['12 Orchard Way', 'Leeds', 'LS6 2AB'],
      childName: null,
      code: newActivationCode(),
      letterDate: '2026-11-25',
      expiresOn: '2026-12-23',
      ...SENDER,
    });
    const words = readLetterText(pdf).join(' ');
    expect(words).toContain("Children's Index");
    expect(words).toContain('https://index.example.gov.uk/portal');
    expect(words).toContain("The Children's Index team, Leeds City Council");
    expect(words).toContain('0113 222 4444');
    expect(words).toContain('Reference: AL-7QHM-X9KD');
  });

  it('is a PDF addressed to the address held, with the code printed once and the day it stops working', async () => {
    const code = newActivationCode();
    const pdf = await renderActivationLetter({
      recipientName: 'Alex Oakenshaw',
      addressLines: ['12 Orchard Way', 'Headingley', 'Leeds', 'LS6 2AB'],
      childName: null,
      code,
      letterDate: '2026-11-25',
      expiresOn: '2026-12-23',
      ...SENDER,
    });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = readLetterText(pdf);
    expect(text.slice(0, 5)).toEqual(['Alex Oakenshaw', '12 Orchard Way', 'Headingley', 'Leeds', 'LS6 2AB']);
    expect(text).toContain(`${code.slice(0, 5)} ${code.slice(5)}`);
    expect(text.join(' ')).toContain('until 23 December 2026');
    expect(text.join(' ')).toContain('see your record');
    // Written down once, and nowhere in the PDF as it is stored except in the compressed page.
    expect(text.filter((line) => line.includes(code.slice(0, 5)))).toHaveLength(1);
    expect(pdf.toString('latin1')).not.toContain(code.slice(0, 5));
  });

  it('names the child in a letter to a parent, and prints names the standard fonts lack', async () => {
    const pdf = await renderActivationLetter({
      recipientName: 'Zoë Łukasiewicz',
      addressLines: ['1 High Street', 'Testbury', 'ZZ1 1QX'],
      childName: 'Amélie Łukasiewicz',
      code: '23456789AB',
      letterDate: '2026-06-01',
      expiresOn: '2026-06-29',
      ...SENDER,
    });
    const text = readLetterText(pdf);
    expect(text[0]).toBe('Zoë ?ukasiewicz');
    expect(text.join(' ')).toContain('the record of Amélie ?ukasiewicz');
    expect(text).toContain('23456 789AB');
  });
});

describe('activation codes', () => {
  it('are 10 characters from an alphabet without look-alikes, and differ each time', () => {
    const codes = Array.from({ length: 200 }, newActivationCode);
    for (const code of codes) expect(code).toMatch(/^[2-9A-HJKMNP-TV-Z]{10}$/);
    expect(new Set(codes).size).toBe(codes.length);
  });
});
