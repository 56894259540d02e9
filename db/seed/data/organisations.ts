// Reference data for the synthetic population: how English schools, GP practices and children's services are
// named, and the kinds of service a child can be known to. Written from general knowledge for synthetic data.

export type SchoolPhase = 'nursery' | 'primary' | 'secondary' | 'college';

/**
 * School name patterns. `{place}` is a town or locality name and `{saint}` a name from SAINTS; each pattern holds
 * each placeholder at most once. Saints' schools are named in the possessive ("St Mary's"), as most are.
 */
export const SCHOOL_NAME_PATTERNS: readonly { pattern: string; phase: SchoolPhase }[] = [
  // Nursery and early years
  { pattern: '{place} Nursery School', phase: 'nursery' },
  { pattern: '{place} Day Nursery', phase: 'nursery' },
  { pattern: '{place} Pre-School', phase: 'nursery' },
  { pattern: '{place} Preschool Playgroup', phase: 'nursery' },
  { pattern: '{place} Early Years Centre', phase: 'nursery' },
  { pattern: '{place} Children\'s Centre Nursery', phase: 'nursery' },
  { pattern: '{place} Montessori Nursery', phase: 'nursery' },
  { pattern: '{place} Kindergarten', phase: 'nursery' },
  { pattern: '{place} Community Nursery', phase: 'nursery' },
  { pattern: 'St {saint}\'s Pre-School', phase: 'nursery' },

  // Primary (including infant, junior and first schools)
  { pattern: '{place} Primary School', phase: 'primary' },
  { pattern: '{place} Primary School', phase: 'primary' },
  { pattern: '{place} Primary School', phase: 'primary' },
  { pattern: '{place} Community Primary School', phase: 'primary' },
  { pattern: '{place} Primary Academy', phase: 'primary' },
  { pattern: '{place} Park Primary School', phase: 'primary' },
  { pattern: '{place} Primary and Nursery School', phase: 'primary' },
  { pattern: '{place} Infant School', phase: 'primary' },
  { pattern: '{place} Infant and Nursery School', phase: 'primary' },
  { pattern: '{place} Junior School', phase: 'primary' },
  { pattern: '{place} Junior and Infant School', phase: 'primary' },
  { pattern: '{place} First School', phase: 'primary' },
  { pattern: '{place} Church of England Primary School', phase: 'primary' },
  { pattern: '{place} C of E Primary School', phase: 'primary' },
  { pattern: '{place} CofE Primary Academy', phase: 'primary' },
  { pattern: '{place} Methodist Primary School', phase: 'primary' },
  { pattern: '{place} Village Primary School', phase: 'primary' },
  { pattern: '{place} Free School', phase: 'primary' },
  { pattern: 'St {saint}\'s C of E Primary School', phase: 'primary' },
  { pattern: 'St {saint}\'s Church of England Primary School', phase: 'primary' },
  { pattern: 'St {saint}\'s CofE Junior School', phase: 'primary' },
  { pattern: 'St {saint}\'s CofE Infant School', phase: 'primary' },
  { pattern: 'St {saint}\'s Catholic Primary School', phase: 'primary' },
  { pattern: 'St {saint}\'s RC Primary School', phase: 'primary' },
  { pattern: 'St {saint}\'s Catholic Primary Academy', phase: 'primary' },
  { pattern: 'Our Lady and St {saint}\'s Catholic Primary School', phase: 'primary' },
  { pattern: 'Holy Trinity C of E Primary School', phase: 'primary' },
  { pattern: 'Christ Church C of E Primary School', phase: 'primary' },
  { pattern: 'Sacred Heart Catholic Primary School', phase: 'primary' },

  // Secondary
  { pattern: '{place} Academy', phase: 'secondary' },
  { pattern: '{place} Academy', phase: 'secondary' },
  { pattern: '{place} High School', phase: 'secondary' },
  { pattern: '{place} High School', phase: 'secondary' },
  { pattern: 'The {place} School', phase: 'secondary' },
  { pattern: '{place} School', phase: 'secondary' },
  { pattern: '{place} Community College', phase: 'secondary' },
  { pattern: '{place} Community School', phase: 'secondary' },
  { pattern: '{place} Grammar School', phase: 'secondary' },
  { pattern: '{place} Park Academy', phase: 'secondary' },
  { pattern: '{place} Upper School', phase: 'secondary' },
  { pattern: '{place} Technology College', phase: 'secondary' },
  { pattern: '{place} School and Sixth Form', phase: 'secondary' },
  { pattern: '{place} Secondary School', phase: 'secondary' },
  { pattern: '{place} Church of England Academy', phase: 'secondary' },
  { pattern: '{place} Catholic High School', phase: 'secondary' },
  { pattern: '{place} Studio School', phase: 'secondary' },
  { pattern: 'St {saint}\'s Catholic High School', phase: 'secondary' },
  { pattern: 'St {saint}\'s Catholic College', phase: 'secondary' },
  { pattern: 'St {saint}\'s Catholic Academy', phase: 'secondary' },
  { pattern: 'St {saint}\'s C of E High School', phase: 'secondary' },
  { pattern: 'St {saint}\'s Church of England Academy', phase: 'secondary' },

  // Further education and sixth form
  { pattern: '{place} College', phase: 'college' },
  { pattern: '{place} College', phase: 'college' },
  { pattern: '{place} Sixth Form College', phase: 'college' },
  { pattern: '{place} College of Further Education', phase: 'college' },
  { pattern: '{place} and District College', phase: 'college' },
  { pattern: '{place} University Technical College', phase: 'college' },
  { pattern: 'St {saint}\'s Catholic Sixth Form College', phase: 'college' },
];

/** Saints English schools and churches are named after, in the form used before "'s". */
export const SAINTS: readonly string[] = [
  'Mary', 'John', 'Peter', 'Paul', 'Andrew', 'Michael', 'George', 'Matthew', 'Mark', 'Luke', 'James', 'Thomas',
  'Joseph', 'Anne', 'Margaret', 'Catherine', 'Bartholomew', 'Augustine', 'Bede', 'Chad', 'Cuthbert', 'Aidan',
  'Alban', 'Edmund', 'Edward', 'Francis', 'Patrick', 'David', 'Hilda', 'Helen', 'Nicholas', 'Stephen', 'Lawrence',
  'Martin', 'Oswald', 'Wilfrid', 'Barnabas', 'Philip', 'Jude', 'Simon', 'Benedict', 'Dunstan', 'Anselm', 'Gregory',
  'Boniface', 'Teresa', 'Bernadette', 'Clare', 'Vincent', 'Leonard', 'Giles', 'Botolph', 'Swithun', 'Werburgh',
  'Etheldreda', 'Alphege', 'Osmund', 'Columba', 'Winifred', 'Agnes', 'Elizabeth', 'Gabriel', 'Ambrose', 'Piran',
  'Wulfstan', 'Birinus', 'Hugh', 'Richard', 'Saviour', 'Cecilia', 'Monica', 'Anthony', 'Jerome', 'Matthias',
];

/** `{place}` is a town or locality name, `{street}` a full street name such as "Church Road". */
export const GP_PRACTICE_NAME_PATTERNS: readonly string[] = [
  '{place} Medical Centre',
  '{place} Medical Centre',
  '{street} Surgery',
  '{street} Surgery',
  '{place} Health Centre',
  '{place} Family Practice',
  'The {street} Practice',
  '{place} Medical Practice',
  '{place} Surgery',
  '{place} Group Practice',
  'The {place} Practice',
  '{street} Medical Centre',
  '{place} Primary Care Centre',
  '{place} Family Doctors',
  '{place} Village Surgery',
  '{place} Health Partnership',
  '{place} Medical Group',
  '{street} Health Centre',
];

/**
 * A kind of service a child can be known to. `sensitive` services are ones whose involvement is itself sensitive
 * information (sexual health, substance misuse, counselling, domestic abuse support) and should be shown only to
 * those entitled to see it. `shareOfChildren` is a rough share of the children in the age range the service works
 * with who have an open involvement at any one time.
 */
export type ServiceType = { code: string; name: string; sensitive: boolean; shareOfChildren: number };

export const SERVICE_TYPES: readonly ServiceType[] = [
  // Schools record their own pastoral or safeguarding involvement; the seed generates none (a share of 0).
  { code: 'education', name: 'School or education setting', sensitive: false, shareOfChildren: 0 },

  // Universal and public health services
  { code: 'health_visitor', name: 'Health visiting', sensitive: false, shareOfChildren: 0.7 },
  { code: 'school_nurse', name: 'School nursing', sensitive: false, shareOfChildren: 0.1 },
  { code: 'speech_and_language_therapy', name: 'Speech and language therapy', sensitive: false, shareOfChildren: 0.03 },
  { code: 'community_paediatrics', name: 'Community paediatrics', sensitive: false, shareOfChildren: 0.02 },

  // Council children's services
  { code: 'childrens_social_care', name: 'Children’s social care', sensitive: false, shareOfChildren: 0.03 },
  { code: 'early_help', name: 'Early help', sensitive: false, shareOfChildren: 0.04 },
  { code: 'virtual_school', name: 'Virtual school for children in care', sensitive: false, shareOfChildren: 0.007 },
  { code: 'send_support', name: 'Special educational needs and disabilities (SEND) service', sensitive: false, shareOfChildren: 0.05 },
  { code: 'education_welfare', name: 'Education welfare and attendance', sensitive: false, shareOfChildren: 0.02 },
  { code: 'young_carers', name: 'Young carers service', sensitive: false, shareOfChildren: 0.01 },

  // Youth services
  { code: 'youth_offending', name: 'Youth justice service', sensitive: false, shareOfChildren: 0.003 },
  { code: 'youth_service', name: 'Youth service', sensitive: false, shareOfChildren: 0.05 },
  { code: 'connexions', name: 'Connexions careers and NEET support', sensitive: false, shareOfChildren: 0.05 },

  // Mental health
  { code: 'camhs', name: 'Child and adolescent mental health services (CAMHS)', sensitive: false, shareOfChildren: 0.04 },
  { code: 'counselling', name: 'Children and young people’s counselling', sensitive: true, shareOfChildren: 0.005 },

  // Sensitive services
  { code: 'sexual_health', name: 'Young people’s sexual health service', sensitive: true, shareOfChildren: 0.005 },
  { code: 'substance_misuse', name: 'Young people’s drug and alcohol service', sensitive: true, shareOfChildren: 0.002 },
  { code: 'domestic_abuse_support', name: 'Domestic abuse support for children', sensitive: true, shareOfChildren: 0.003 },
];

/** What a school, nursery or college records itself as. */
export const EDUCATION_SERVICES: readonly string[] = ['education'];

/** The children's services a council provides itself, and records as (its social workers, early help, SEND…). */
export const COUNCIL_SERVICES: readonly string[] = ['childrens_social_care', 'early_help', 'virtual_school', 'send_support', 'education_welfare'];

/** Job titles of named practitioners who work with children. */
export const PRACTITIONER_TITLES: readonly string[] = [
  'Health visitor',
  'Community nursery nurse',
  'School nurse',
  'Specialist community public health nurse',
  'Family nurse',
  'Midwife',
  'Paediatric nurse',
  'Community paediatrician',
  'Speech and language therapist',
  'Occupational therapist',
  'Physiotherapist',
  'Social worker',
  'Senior social worker',
  'Advanced social work practitioner',
  'Social work team manager',
  'Independent reviewing officer',
  'Child protection chair',
  'Family support worker',
  'Early help practitioner',
  'Early help coordinator',
  'Children’s centre worker',
  'Youth worker',
  'Senior youth worker',
  'Youth justice officer',
  'Personal adviser',
  'Careers adviser',
  'CAMHS practitioner',
  'Mental health nurse',
  'Clinical psychologist',
  'Child and adolescent psychiatrist',
  'Counsellor',
  'Mental health support team practitioner',
  'SEND caseworker',
  'Special educational needs coordinator (SENCO)',
  'Educational psychologist',
  'Education welfare officer',
  'Attendance officer',
  'Virtual school caseworker',
  'Designated safeguarding lead',
  'Young carers support worker',
  'Sexual health nurse',
  'Substance misuse worker',
  'Independent domestic violence adviser',
  'Children’s domestic abuse worker',
];
