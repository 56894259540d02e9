// The long tail of English surnames, made up for the synthetic population: most English surnames are rare, and
// many are place names (a first element and a settlement word: Ash + ley, Whit + field). Pairing such elements
// gives thousands of plausible rare names; some are real surnames, none is taken from a list of people.

const FIRST_ELEMENTS = [
  'Ash', 'Ald', 'Amble', 'Apple', 'Arn', 'Ax', 'Bar', 'Bark', 'Beck', 'Bed', 'Bell', 'Bex', 'Bick', 'Birk', 'Black',
  'Blen', 'Bolt', 'Bram', 'Brad', 'Bran', 'Brom', 'Buck', 'Bur', 'Cal', 'Cam', 'Car', 'Chad', 'Chal', 'Chat',
  'Cher', 'Chil', 'Clay', 'Cleve', 'Cold', 'Col', 'Cot', 'Crab', 'Cran', 'Crom', 'Dal', 'Dart', 'Den', 'Dun',
  'Eas', 'Edge', 'Elm', 'Ever', 'Fair', 'Far', 'Fen', 'Fern', 'Gal', 'Gar', 'Gold', 'Grim', 'Hal', 'Ham', 'Har',
  'Haw', 'Hazel', 'Hen', 'Her', 'Hol', 'Horn', 'Hun', 'Kel', 'Ken', 'Kers', 'Kim', 'Kings', 'Kirk', 'Lang',
  'Lark', 'Lin', 'Lock', 'Lud', 'Lyn', 'Mal', 'Mar', 'Mel', 'Mil', 'Moor', 'Net', 'Nor', 'Oak', 'Ot', 'Pad', 'Pen',
  'Pick', 'Pil', 'Pres', 'Rad', 'Ram', 'Raven', 'Red', 'Rid', 'Rock', 'Roth', 'Rud', 'Rush', 'Sal', 'Sand', 'Sax',
  'Shel', 'Ship', 'Shir', 'Skel', 'Stain', 'Stan', 'Stock', 'Stow', 'Sud', 'Swin', 'Tad', 'Tam', 'Thorn', 'Thurs',
  'Tod', 'Twy', 'Wal', 'War', 'Wat', 'Wed', 'Wel', 'Wen', 'Whit', 'Wick', 'Wil', 'Win', 'Wol', 'Wor', 'Yar',
];

const SETTLEMENT_WORDS = [
  'ley', 'ton', 'field', 'worth', 'well', 'by', 'ham', 'wood', 'den', 'shaw', 'combe', 'bury', 'ford', 'stone',
  'bridge', 'hurst', 'more', 'wick', 'thorpe', 'low', 'dale', 'land', 'brook', 'croft', 'gate', 'hill', 'holme',
  'ridge', 'stead', 'mere', 'cliffe', 'borough', 'bourne', 'cott', 'side', 'burn', 'thwaite', 'leigh', 'hay',
  'wall',
];

/** Every pairing, in a fixed order, without the ones the leading lists already hold. */
export function rareEnglishFamilyNames(listed: ReadonlySet<string>): string[] {
  const names: string[] = [];
  for (const word of SETTLEMENT_WORDS) {
    for (const first of FIRST_ELEMENTS) {
      const name = first + word;
      if (!listed.has(name)) names.push(name);
    }
  }
  return names;
}
