import 'server-only';
import { PDFDocument, type PDFFont, type PDFPage, StandardFonts } from 'pdf-lib';
import { formatDate } from '@/lib/kernel/dates';
import { formatActivationCode } from './format-activation-code';

export type RenderActivationLetterOptions = {
  /** Who the letter is addressed to: the young person, or the parent or carer named on the record. */
  recipientName: string;
  /** The address held on the record, one line each, postcode last. */
  addressLines: string[];
  /** For a parent: the child whose record it is. Left out of a letter to the young person themself. */
  childName: string | null;
  code: string;
  letterDate: string;
  expiresOn: string;
  /** The letter's own reference, to quote when phoning about it. */
  reference: string;
  /** The service's web address, where the code is entered. */
  serviceAddress: string;
  /** Who sends it: the index team of the council of the address, and its phone number. */
  sender: { name: string; phone: string };
};

const A4: [number, number] = [595.28, 841.89];
const LEFT = 72;

/** The words of the letter, paragraph by paragraph (the code is drawn on its own, large). */
function paragraphs({ recipientName, childName, code, expiresOn, serviceAddress, sender }: RenderActivationLetterOptions): (string | { code: string })[] {
  const whose = childName ? `the record of ${childName}` : 'your record';
  return [
    `Dear ${recipientName}`,
    `Someone asked to see ${whose} on the Children's Index online service. The Children's Index is the national directory of the children in England: who each child is, and which services work with them. If it was you who asked, go to ${serviceAddress}, sign in, and enter this code when you are asked for it:`,
    { code: formatActivationCode(code) },
    `The code works once, until ${formatDate(expiresOn)}. If it is typed wrongly 3 times it stops working, and you will need to ask for a new one.`,
    `If you did not ask for this code, you do not need to do anything: nobody can see the record without it. If you are worried, or have a question, phone the Children's Index team at ${sender.name} on ${sender.phone} and give them the reference at the top of this letter.`,
    'Yours sincerely',
    `The Children's Index team, ${sender.name}`,
  ];
}

// The standard fonts cover Windows-1252 only: curly quotes become straight ones, anything else a question mark.
const printable = (text: string) => text.replace(/[’‘]/g, "'").replace(/[“”]/g, '"').replace(/[^\x20-\x7e\xa0-\xff]/g, '?');

/** Breaks a paragraph into lines that fit the text width, drawing each; returns where the next line goes. */
function drawParagraph(page: PDFPage, text: string, font: PDFFont, size: number, y: number): number {
  const width = A4[0] - 2 * LEFT;
  let line = '';
  const lines: string[] = [];
  for (const word of printable(text).split(' ')) {
    const tried = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(tried, size) > width && line) {
      lines.push(line);
      line = word;
    } else line = tried;
  }
  if (line) lines.push(line);
  for (const l of lines) {
    page.drawText(l, { x: LEFT, y, size, font });
    y -= size * 1.45;
  }
  return y - size * 0.8;
}

/**
 * The activation letter as a one-page A4 PDF for the print room, with the address where a DL window envelope shows
 * it. The letter is the only place the code is written down: the database keeps only its hash.
 */
export async function renderActivationLetter(letter: RenderActivationLetterOptions): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  pdf.setTitle("Your code for the Children's Index");
  pdf.setCreator("Children's Index");
  const page = pdf.addPage(A4);
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);

  let y = 700;
  for (const line of [letter.recipientName, ...letter.addressLines]) {
    page.drawText(printable(line), { x: LEFT, y, size: 11, font });
    y -= 14;
  }
  // The sender, their phone and the reference, top right as on any letter; the address window is on the left.
  let right = 780;
  for (const line of [`Children's Index team`, letter.sender.name, `Phone: ${letter.sender.phone}`, letter.serviceAddress, `Reference: ${letter.reference}`]) {
    page.drawText(printable(line), { x: A4[0] - LEFT - 200, y: right, size: 9, font });
    right -= 12;
  }
  y = 560;
  page.drawText(formatDate(letter.letterDate), { x: LEFT, y, size: 11, font });
  y -= 36;
  page.drawText("Your code for the Children's Index", { x: LEFT, y, size: 16, font: bold });
  y -= 32;
  for (const paragraph of paragraphs(letter)) {
    if (typeof paragraph === 'string') {
      y = drawParagraph(page, paragraph, font, 11, y);
      continue;
    }
    page.drawText(paragraph.code, { x: LEFT, y: y - 8, size: 24, font: bold });
    y -= 48;
  }
  return Buffer.from(await pdf.save());
}
