import type { DataSource, EntityManager } from 'typeorm';
import { CODE_LISTS, type CodeListName, type CodeOf, LOW_QUALIFIED_LEVELS } from '@leerwinkel/contracts';
import { REGION_SCHEMA_LOCK_NAMESPACE } from '../../tenancy/advisory-locks.js';
import { quoteIdent } from '../../tenancy/region-naming.js';
import { DEMO_REGIONS, demoRegionAccounts } from './demo-accounts.js';

/**
 * Demo guidance data for the demo regions: learners, consents, cases with their transitions, contacts and
 * action items (including the 3/6/12-month follow-ups). `generateRegionDemo` is a pure function of the slug
 * and its options (a seeded PRNG, a given "today"), so the same input always gives the same rows;
 * `seedDemoGuidance` writes them, once per region. Every code comes from the shared code lists.
 */

// ---------------------------------------------------------------------------------------------------------
// Codes
// ---------------------------------------------------------------------------------------------------------

type Code<K extends CodeListName> = CodeOf<(typeof CODE_LISTS)[K]>;
type DataQuality = Code<'dataQuality'>;
export type Gender = Code<'genders'>;
export type DutchLevel = Code<'dutchLevels'>;
export type EducationLevel = Code<'educationLevels'> | DataQuality;
export type EmploymentStatus = Code<'employmentStatuses'> | DataQuality;
export type TargetGroup = Code<'targetGroups'>;
export type ReferralSource = Code<'referralSources'>;
export type CaseKind = Code<'caseKinds'>;
export type CaseStatus = Code<'caseStatuses'>;
type ActiveStatus = Exclude<CaseStatus, 'closed'>;
export type Theme = Code<'themes'>;
export type Barrier = Code<'barriers'>;
export type ExitReason = Code<'exitReasons'>;
export type ObjectivesMet = Code<'objectivesMet'>;
export type ContactChannel = Code<'contactChannels'>;
export type ContactKind = Code<'contactKinds'>;
export type ConsentPurpose = Code<'consentPurposes'>;
export type ActionOwner = Code<'actionOwners'>;
/** ISO 639-1 codes of the native languages the demo uses. */
export type Language =
  'nl' | 'fr' | 'ar' | 'tr' | 'it' | 'pl' | 'ro' | 'ku' | 'fa' | 'ps' | 'ln' | 'sw' | 'ti' | 'uk' | 'ru' | 'vi' | 'en';

/** Relative weights of the choices (need not add up to 100). */
type Weights<K extends string> = Partial<Record<K, number>>;

// ---------------------------------------------------------------------------------------------------------
// Data tables
// ---------------------------------------------------------------------------------------------------------

const SEED = 'leerwinkel-demo-guidance-v1';
export const DEMO_LEARNERS_PER_REGION = 150;

type Origin =
  | 'flemish'
  | 'francophone'
  | 'moroccan'
  | 'turkish'
  | 'italian'
  | 'polish'
  | 'romanian'
  | 'syrian'
  | 'afghan'
  | 'congolese'
  | 'eritrean'
  | 'ukrainian'
  | 'vietnamese'
  | 'westAfrican';

interface NameOrigin {
  languages: Weights<Language>;
  /** Share of the learners of this origin who do not speak Dutch natively that arrived recently (nieuwkomers). */
  newcomerShare: number;
  female: readonly string[];
  male: readonly string[];
  /** A pair is [male form, female form]. */
  surnames: readonly (string | readonly [string, string])[];
}

// prettier-ignore
const ORIGINS: Record<Origin, NameOrigin> = {
  flemish: {
    languages: { nl: 1 },
    newcomerShare: 0,
    female: ['Annelies', 'Els', 'Griet', 'Hilde', 'Katrien', 'Lotte', 'Sofie', 'Marieke', 'Lien', 'Veerle', 'Febe', 'Hanne', 'Kaat', 'Liesbeth', 'Ilse', 'Martine', 'Godelieve', 'Jana', 'Noor', 'Ellen'],
    male: ['Jan', 'Pieter', 'Koen', 'Bart', 'Wouter', 'Stijn', 'Dirk', 'Geert', 'Jef', 'Arne', 'Wim', 'Luc', 'Jens', 'Sander', 'Joris', 'Thijs', 'Ruben', 'Guido', 'Noël', 'Seppe'],
    surnames: ['Peeters', 'Janssens', 'Maes', 'Jacobs', 'Mertens', 'Willems', 'Claes', 'Goossens', 'Wouters', 'De Smet', 'Van den Broeck', 'Vande Velde', 'Vermeulen', 'Van Damme', 'De Clercq', 'Verstraete', 'Vandenberghe', 'Dewulf', 'Van de Walle', 'De Vos', 'Hermans', 'Coppens', 'Vanhoutte', "D'Hondt", 'Verhaeghe', 'Vanneste', 'Timmermans', 'Vandecasteele', 'Van Aerschot', 'Desmet'],
  },
  francophone: {
    languages: { fr: 1 },
    newcomerShare: 0,
    female: ['Amélie', 'Céline', 'Chloé', 'Élodie', 'Françoise', 'Aurélie', 'Mélanie', 'Julie', 'Manon', 'Sylvie', 'Hélène', 'Noémie'],
    male: ['François', 'Jérôme', 'Benoît', 'Frédéric', 'Grégory', 'Sébastien', 'Mathieu', 'Cédric', 'Olivier', 'Thierry', 'Loïc', 'Raphaël'],
    surnames: ['Dubois', 'Lambert', 'Dupont', 'Leclercq', 'Lemaire', 'Renard', 'Laurent', 'Delhaye', 'Lefèvre', 'Masson', 'Collignon', 'Dethier', 'Gilson', 'Pirard', 'Delvaux', 'Lejeune'],
  },
  moroccan: {
    languages: { ar: 55, nl: 30, fr: 15 },
    newcomerShare: 0.3,
    female: ['Fatima', 'Khadija', 'Nadia', 'Samira', 'Yasmina', 'Salma', 'Imane', 'Houda', 'Naïma', 'Loubna', 'Soukaina', 'Meryem', 'Hajar'],
    male: ['Mohamed', 'Youssef', 'Karim', 'Hamza', 'Rachid', 'Mustapha', 'Bilal', 'Ayoub', 'Saïd', 'Abdelkader', 'Ilyas', 'Mehdi', 'Anouar'],
    surnames: ['El Amrani', 'Benali', 'Bouzid', 'El Idrissi', 'Aït Ouali', 'El Khattabi', 'Boukhari', 'Ouazzani', 'Chaoui', 'Lahlou', 'El Moussaoui', 'Ben Haddou', 'Azzouzi', 'Tahiri'],
  },
  turkish: {
    languages: { tr: 75, nl: 25 },
    newcomerShare: 0.3,
    female: ['Ayşe', 'Elif', 'Zeynep', 'Fatma', 'Emine', 'Hatice', 'Büşra', 'Gülşen', 'Merve', 'Özlem', 'Şeyma', 'Dilek'],
    male: ['Mehmet', 'Mustafa', 'Ahmet', 'Emre', 'Hüseyin', 'İbrahim', 'Murat', 'Yusuf', 'Ömer', 'Kadir', 'Serkan', 'Burak'],
    surnames: ['Yılmaz', 'Kaya', 'Demir', 'Şahin', 'Çelik', 'Öztürk', 'Aydın', 'Arslan', 'Doğan', 'Kılıç', 'Koç', 'Yıldız', 'Güneş', 'Özdemir'],
  },
  italian: {
    languages: { nl: 55, it: 35, fr: 10 },
    newcomerShare: 0.05,
    female: ['Giulia', 'Maria', 'Francesca', 'Rosa', 'Antonella', 'Lucia', 'Chiara'],
    male: ['Giuseppe', 'Salvatore', 'Antonio', 'Francesco', 'Marco', 'Luca', 'Vincenzo'],
    surnames: ['Rossi', 'Russo', 'Esposito', 'Lombardo', 'Bianchi', 'Romano', 'Greco', 'Di Marco', 'Lo Presti', 'Caruso', "D'Angelo"],
  },
  polish: {
    languages: { pl: 1 },
    newcomerShare: 0.5,
    female: ['Agnieszka', 'Katarzyna', 'Małgorzata', 'Joanna', 'Magdalena', 'Ewa', 'Anna', 'Zofia', 'Dorota', 'Beata'],
    male: ['Piotr', 'Krzysztof', 'Tomasz', 'Paweł', 'Łukasz', 'Marcin', 'Michał', 'Grzegorz', 'Jakub', 'Wojciech'],
    surnames: ['Nowak', ['Kowalski', 'Kowalska'], ['Wiśniewski', 'Wiśniewska'], 'Wójcik', ['Kamiński', 'Kamińska'], ['Lewandowski', 'Lewandowska'], ['Zieliński', 'Zielińska'], 'Woźniak', ['Dąbrowski', 'Dąbrowska'], ['Kozłowski', 'Kozłowska'], 'Mazur', ['Jankowski', 'Jankowska']],
  },
  romanian: {
    languages: { ro: 1 },
    newcomerShare: 0.6,
    female: ['Ioana', 'Elena', 'Andreea', 'Mihaela', 'Alexandra', 'Cristina', 'Gabriela', 'Roxana', 'Simona', 'Larisa'],
    male: ['Andrei', 'Ionuț', 'Mihai', 'Alexandru', 'Florin', 'Bogdan', 'Cătălin', 'Răzvan', 'Ștefan', 'Gheorghe', 'Vasile', 'Adrian'],
    surnames: ['Popescu', 'Ionescu', 'Popa', 'Rădulescu', 'Stoica', 'Dumitrescu', 'Constantin', 'Munteanu', 'Stănescu', 'Moldovan', 'Lungu', 'Țurcanu'],
  },
  syrian: {
    languages: { ar: 85, ku: 15 },
    newcomerShare: 0.9,
    female: ['Rania', 'Lina', 'Hala', 'Nour', 'Rasha', 'Aya', 'Dima', 'Reem', 'Huda', 'Bushra', 'Layla', 'Yara'],
    male: ['Ahmad', 'Omar', 'Khaled', 'Mahmoud', 'Ali', 'Hassan', 'Tarek', 'Bashar', 'Fadi', 'Samer', 'Rami', 'Anas'],
    surnames: ['Al-Hussein', 'Haddad', 'Al-Khatib', 'Mansour', 'Khalil', 'Al-Ahmad', 'Hamdan', 'Saleh', 'Darwish', 'Al-Sayed', 'Kassab', 'Nassar', 'Al-Masri'],
  },
  afghan: {
    languages: { fa: 60, ps: 40 },
    newcomerShare: 0.9,
    female: ['Zahra', 'Maryam', 'Fereshta', 'Nilofar', 'Shabnam', 'Mursal', 'Parwana', 'Tahmina', 'Marzia', 'Sima'],
    male: ['Mohammad', 'Abdul', 'Rahim', 'Farid', 'Hamid', 'Naveed', 'Sayed', 'Jawad', 'Ehsan', 'Mirwais', 'Wahid', 'Habib'],
    surnames: ['Ahmadi', 'Hashimi', 'Rahimi', 'Karimi', 'Sultani', 'Noori', 'Hakimi', 'Stanikzai', 'Safi', 'Popal', 'Wardak', 'Azizi', 'Haidari', 'Mohammadi'],
  },
  congolese: {
    languages: { fr: 55, ln: 35, sw: 10 },
    newcomerShare: 0.45,
    female: ['Grâce', 'Nadège', 'Solange', 'Chantal', 'Bénédicte', 'Divine', 'Esther', 'Gloria', 'Merveille', 'Rachel', 'Josiane', 'Clémentine'],
    male: ['Jean-Claude', 'Patrick', 'Trésor', 'Christian', 'Serge', 'Fiston', 'Héritier', 'Junior', 'Blaise', 'Didier', 'Guy', 'Cédric'],
    surnames: ['Mukendi', 'Kabongo', 'Tshibangu', 'Ilunga', 'Mbuyi', 'Kalonji', 'Lukusa', 'Mwamba', 'Kasongo', 'Nkulu', 'Tshimanga', 'Matondo', 'Nsimba', 'Makiese'],
  },
  eritrean: {
    languages: { ti: 1 },
    newcomerShare: 0.95,
    female: ['Senait', 'Mebrat', 'Selam', 'Luwam', 'Eden', 'Saba', 'Tsega', 'Rahwa', 'Yohana', 'Almaz', 'Ruta', 'Helen'],
    male: ['Yonas', 'Dawit', 'Tesfay', 'Robel', 'Filmon', 'Mehari', 'Amanuel', 'Samuel', 'Biniam', 'Habtom', 'Yemane', 'Kibrom'],
    surnames: ['Tesfamariam', 'Gebremedhin', 'Tekle', 'Haile', 'Berhane', 'Ghebreyesus', 'Woldemichael', 'Kidane', 'Abraha', 'Ghebremariam', 'Tewelde'],
  },
  ukrainian: {
    languages: { uk: 70, ru: 30 },
    newcomerShare: 0.95,
    female: ['Olena', 'Oksana', 'Iryna', 'Nataliia', 'Tetiana', 'Yuliia', 'Kateryna', 'Svitlana', 'Anastasiia', 'Halyna', 'Mariia', 'Viktoriia'],
    male: ['Oleksandr', 'Andrii', 'Serhii', 'Dmytro', 'Volodymyr', 'Mykola', 'Taras', 'Yurii', 'Bohdan', 'Vitalii', 'Maksym', 'Ihor'],
    surnames: ['Shevchenko', 'Kovalenko', 'Bondarenko', 'Tkachenko', 'Melnyk', 'Kravchenko', 'Boiko', 'Oliinyk', 'Lysenko', 'Petrenko', 'Savchuk', 'Moroz'],
  },
  vietnamese: {
    languages: { vi: 70, nl: 30 },
    newcomerShare: 0.2,
    female: ['Linh', 'Hương', 'Thảo', 'Mai', 'Trang', 'Ngọc'],
    male: ['Minh', 'Tuấn', 'Hùng', 'Đức', 'Quang', 'Thắng'],
    surnames: ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng'],
  },
  westAfrican: {
    languages: { en: 1 },
    newcomerShare: 0.6,
    female: ['Blessing', 'Chioma', 'Abena', 'Adwoa', 'Ngozi', 'Precious', 'Esi'],
    male: ['Emmanuel', 'Kwame', 'Chinedu', 'Kofi', 'Oluwaseun', 'Ifeanyi', 'Kwabena'],
    surnames: ['Okafor', 'Mensah', 'Adeyemi', 'Boateng', 'Owusu', 'Eze', 'Asante', 'Nwosu', 'Ofori'],
  },
};

interface RegionProfile {
  origins: Weights<Origin>;
  /** [postal code, municipality, weight]. */
  municipalities: readonly (readonly [string, string, number])[];
}

// prettier-ignore
const REGION_PROFILES: Partial<Record<string, RegionProfile>> = {
  'west-vlaanderen': {
    origins: { flemish: 58, francophone: 3, moroccan: 4, turkish: 2, polish: 6, romanian: 6, syrian: 4, afghan: 5, congolese: 1, eritrean: 4, ukrainian: 5, vietnamese: 1, westAfrican: 1 },
    municipalities: [['8000', 'Brugge', 20], ['8500', 'Kortrijk', 16], ['8400', 'Oostende', 16], ['8800', 'Roeselare', 12], ['8900', 'Ieper', 7], ['8930', 'Menen', 6], ['8790', 'Waregem', 5], ['8700', 'Tielt', 4], ['8870', 'Izegem', 4], ['8370', 'Blankenberge', 3], ['8630', 'Veurne', 3], ['8600', 'Diksmuide', 2]],
  },
  'oost-vlaanderen': {
    origins: { flemish: 48, francophone: 3, moroccan: 6, turkish: 8, polish: 4, romanian: 5, syrian: 6, afghan: 6, congolese: 2, eritrean: 4, ukrainian: 5, vietnamese: 1, westAfrican: 2 },
    municipalities: [['9000', 'Gent', 24], ['9040', 'Sint-Amandsberg', 6], ['9050', 'Gentbrugge', 5], ['9300', 'Aalst', 12], ['9100', 'Sint-Niklaas', 11], ['9200', 'Dendermonde', 6], ['9160', 'Lokeren', 5], ['9400', 'Ninove', 4], ['9500', 'Geraardsbergen', 4], ['9600', 'Ronse', 5], ['9700', 'Oudenaarde', 4], ['9900', 'Eeklo', 4], ['9800', 'Deinze', 3], ['9120', 'Beveren-Kruibeke-Zwijndrecht', 3]],
  },
  antwerpen: {
    origins: { flemish: 38, francophone: 2, moroccan: 17, turkish: 5, polish: 7, romanian: 4, syrian: 5, afghan: 6, congolese: 3, eritrean: 3, ukrainian: 5, vietnamese: 1, westAfrican: 4 },
    municipalities: [['2000', 'Antwerpen', 12], ['2018', 'Antwerpen', 10], ['2060', 'Antwerpen', 10], ['2140', 'Borgerhout', 8], ['2100', 'Deurne', 7], ['2170', 'Merksem', 6], ['2660', 'Hoboken', 5], ['2610', 'Wilrijk', 4], ['2800', 'Mechelen', 12], ['2300', 'Turnhout', 7], ['2500', 'Lier', 4], ['2440', 'Geel', 4], ['2200', 'Herentals', 3], ['2400', 'Mol', 3], ['2900', 'Schoten', 3]],
  },
  limburg: {
    origins: { flemish: 46, francophone: 1, italian: 9, turkish: 12, moroccan: 7, polish: 4, romanian: 4, syrian: 4, afghan: 4, congolese: 1, eritrean: 2, ukrainian: 5, westAfrican: 1 },
    municipalities: [['3500', 'Hasselt', 18], ['3600', 'Genk', 18], ['3580', 'Beringen', 8], ['3800', 'Sint-Truiden', 8], ['3630', 'Maasmechelen', 7], ['3530', 'Houthalen-Helchteren', 6], ['3550', 'Heusden-Zolder', 6], ['3700', 'Tongeren-Borgloon', 5], ['3920', 'Lommel', 5], ['3900', 'Pelt', 4], ['3680', 'Maaseik', 3], ['3590', 'Diepenbeek', 3]],
  },
  'vlaams-brabant': {
    origins: { flemish: 45, francophone: 10, moroccan: 8, turkish: 4, polish: 5, romanian: 7, syrian: 4, afghan: 4, congolese: 4, eritrean: 2, ukrainian: 5, westAfrican: 2 },
    municipalities: [['3000', 'Leuven', 18], ['3010', 'Kessel-Lo', 6], ['1800', 'Vilvoorde', 13], ['1500', 'Halle', 9], ['1700', 'Dilbeek', 7], ['3300', 'Tienen', 7], ['3200', 'Aarschot', 5], ['1930', 'Zaventem', 5], ['1830', 'Machelen', 4], ['1600', 'Sint-Pieters-Leeuw', 5], ['3290', 'Diest', 4], ['1780', 'Wemmel', 3], ['3090', 'Overijse', 3]],
  },
  brussel: {
    origins: { flemish: 10, francophone: 20, moroccan: 20, turkish: 5, italian: 2, polish: 5, romanian: 8, syrian: 5, afghan: 5, congolese: 10, eritrean: 3, ukrainian: 4, westAfrican: 3 },
    municipalities: [['1000', 'Brussel', 12], ['1020', 'Laken', 5], ['1030', 'Schaarbeek', 12], ['1040', 'Etterbeek', 4], ['1050', 'Elsene', 6], ['1060', 'Sint-Gillis', 6], ['1070', 'Anderlecht', 12], ['1080', 'Sint-Jans-Molenbeek', 12], ['1081', 'Koekelberg', 3], ['1090', 'Jette', 5], ['1140', 'Evere', 4], ['1190', 'Vorst', 5], ['1210', 'Sint-Joost-ten-Node', 4], ['1200', 'Sint-Lambrechts-Woluwe', 3]],
  },
};

/** For a region that is not one of the demo regions: the larger Flemish cities. */
// prettier-ignore
const GENERIC_PROFILE: RegionProfile = {
  origins: { flemish: 50, francophone: 4, moroccan: 10, turkish: 6, polish: 5, romanian: 5, syrian: 5, afghan: 5, congolese: 3, eritrean: 3, ukrainian: 4 },
  municipalities: [['9000', 'Gent', 3], ['2000', 'Antwerpen', 3], ['3000', 'Leuven', 2], ['8000', 'Brugge', 2], ['3500', 'Hasselt', 2], ['2800', 'Mechelen', 2], ['9300', 'Aalst', 1]],
};

const GENDER_WEIGHTS: Weights<Gender> = { female: 56, male: 40, x: 1.5, not_given: 2.5 };
/** [youngest, oldest, weight]: working-age adults, 18 to 67. */
// prettier-ignore
const AGE_BANDS: readonly (readonly [number, number, number])[] = [[18, 24, 14], [25, 34, 28], [35, 44, 25], [45, 54, 19], [55, 67, 14]];
const EMAIL_DOMAINS = ['voorbeeld.be', 'example.com', 'example.org', 'example.net'];
// prettier-ignore
const MOBILE_PREFIXES = ['470', '471', '472', '473', '475', '476', '477', '478', '479', '484', '485', '486', '488', '489', '492', '493', '494', '495', '496', '497', '498', '499'];

const DUTCH_LEVELS: Record<'newcomer' | 'settled', Weights<DutchLevel>> = {
  newcomer: { A0: 14, A1: 30, A2: 28, B1: 18, B2: 8, C1: 2 },
  settled: { A1: 3, A2: 10, B1: 24, B2: 30, C1: 23, C2: 10 },
};
/** About 45% ISCED 0–2 overall; newcomers often hold a foreign diploma that is not recognised. */
// prettier-ignore
const EDUCATION_LEVELS: Record<'newcomer' | 'settled', Weights<EducationLevel>> = {
  newcomer: { isced_0: 8, isced_1: 12, isced_2: 16, isced_3: 14, isced_4: 3, isced_6: 5, isced_7: 2, foreign_not_recognised: 40 },
  settled: { isced_0: 2, isced_1: 10, isced_2: 38, isced_3: 30, isced_4: 6, isced_5: 4, isced_6: 7, isced_7: 2.5, isced_8: 0.5 },
};

/** About a quarter of all dossiers are info cases (infobemiddeling). */
const INFO_SHARE = 0.25;
/** Learners with an earlier, closed case besides their current one. */
const RETURNING_SHARE = 0.12;
const CASE_STATUS_WEIGHTS: Record<CaseKind, Weights<CaseStatus>> = {
  info: { registered: 15, intake: 15, closed: 70 },
  guidance: { registered: 8, intake: 14, guidance: 32, follow_up: 16, closed: 30 },
};
/** The last state a closed case was in before it was closed: info cases never go into guidance. */
const CLOSED_FROM: Record<CaseKind, Weights<ActiveStatus>> = {
  info: { registered: 10, intake: 90 },
  guidance: { registered: 6, intake: 16, guidance: 33, follow_up: 45 },
};
const LIFECYCLE: readonly ActiveStatus[] = ['registered', 'intake', 'guidance', 'follow_up'];
/** [min, max] days a case stays in a state before its next transition. */
const STAY_DAYS: Record<CaseKind, Record<ActiveStatus, readonly [number, number]>> = {
  info: { registered: [1, 10], intake: [1, 14], guidance: [1, 1], follow_up: [1, 1] },
  guidance: { registered: [1, 14], intake: [3, 30], guidance: [20, 150], follow_up: [20, 120] },
};
/** [min, max] days before "today" a case in this (current) status was opened: about 18 months back at most. */
const OPENED_DAYS_AGO: Record<CaseStatus, readonly [number, number]> = {
  registered: [0, 21],
  intake: [2, 60],
  guidance: [14, 365],
  follow_up: [60, 540],
  closed: [7, 540],
};
/** The older, closed case of a learner who came back. */
const EARLIER_CASE_DAYS_AGO = [400, 540] as const;
const DAYS_BETWEEN_CASES = 14;

// prettier-ignore
const EXIT_REASONS: Record<'early' | 'info' | 'late', Weights<ExitReason>> = {
  early: { lost_contact: 35, no_longer_interested: 20, referred_elsewhere: 18, moved: 8, found_work: 12, other: 7 },
  info: { referred_elsewhere: 45, started_course: 25, lost_contact: 10, other: 10, no_longer_interested: 5, found_work: 5 },
  late: { started_course: 45, found_work: 18, referred_elsewhere: 10, lost_contact: 12, no_longer_interested: 6, moved: 4, other: 5 },
};
const OBJECTIVES_BY_EXIT: Record<ExitReason, Weights<ObjectivesMet>> = {
  started_course: { fully: 55, partly: 35, unknown: 10 },
  found_work: { fully: 40, partly: 45, unknown: 15 },
  moved: { unknown: 60, partly: 25, no: 15 },
  lost_contact: { unknown: 80, no: 20 },
  no_longer_interested: { no: 70, partly: 20, unknown: 10 },
  referred_elsewhere: { partly: 50, fully: 25, unknown: 25 },
  other: { unknown: 40, partly: 30, no: 30 },
};
const CLOSING_NOTES: Record<ExitReason, string> = {
  started_course: 'Gestart met de opleiding.',
  found_work: 'Werk gevonden; traject afgesloten.',
  moved: 'Verhuisd buiten de regio.',
  lost_contact: 'Geen reactie na drie pogingen.',
  no_longer_interested: 'De lerende wil het traject niet verderzetten.',
  referred_elsewhere: 'Doorverwezen naar een partnerorganisatie.',
  other: 'Afgesloten om een andere reden.',
};

// prettier-ignore
const LEARNING_QUESTIONS: Record<Theme, readonly string[]> = {
  dutch_language: ['Ik wil beter Nederlands spreken om werk te vinden.', 'Welke cursus Nederlands past bij mijn niveau en mijn uurrooster?', 'Ik wil Nederlands leren om mijn kinderen te helpen met hun huiswerk.', 'Ik wil van niveau A2 naar B1 voor mijn job.'],
  basic_skills: ['Ik wil beter leren lezen en schrijven.', 'Ik wil mijn rekenen opfrissen voor ik aan een opleiding begin.', 'Ik wil formulieren zelf kunnen invullen.'],
  secondary_diploma: ['Hoe kan ik alsnog mijn diploma secundair onderwijs halen?', 'Ik wil mijn middelbaar afmaken via tweedekansonderwijs of de examencommissie.', 'Ik heb geen diploma en zoek een opleiding met een kwalificatie.'],
  vocational_training: ['Ik wil een opleiding tot zorgkundige volgen.', 'Welke opleiding logistiek of heftruck is er in de buurt?', 'Ik wil elektricien worden en zoek een avondopleiding.', 'Ik zoek een opleiding in de kinderopvang.', 'Ik wil me omscholen tot lasser of installateur.', 'Ik wil kok worden.'],
  higher_education: ['Ik wil naast mijn werk een bachelor verpleegkunde starten.', 'Kan ik met mijn ervaring een graduaatsopleiding volgen?', 'Ik wil als zij-instromer een lerarenopleiding volgen.'],
  diploma_recognition: ['Mijn diploma uit het buitenland is niet erkend: wat zijn mijn opties?', 'Hoe vraag ik de gelijkwaardigheid van mijn diploma aan bij NARIC-Vlaanderen?', 'Ik was verpleegkundige in mijn land van herkomst en wil dat hier ook doen.'],
  digital_skills: ['Ik wil leren werken met een computer, e-mail en itsme.', 'Ik wil mijn digitale vaardigheden verbeteren voor mijn werk.', 'Ik wil een cursus Excel of boekhoudsoftware volgen.'],
  entrepreneurship: ['Ik wil een eigen zaak starten en zoek een opleiding bedrijfsbeheer.', 'Ik wil als zelfstandige kapper beginnen.', 'Welke opleiding heb ik nodig om een foodtruck te starten?'],
  career_orientation: ['Ik weet niet goed welke richting ik uit wil en zoek advies.', 'Na twintig jaar in dezelfde job wil ik iets anders doen.', 'Mijn werk wordt fysiek te zwaar: welke opleiding past bij mij?'],
  financing: ['Welke premies of opleidingscheques kan ik gebruiken?', 'Kan ik Vlaams opleidingsverlof krijgen voor mijn opleiding?', 'Hoe betaal ik het inschrijvingsgeld met een leefloon?'],
};
// prettier-ignore
const GOALS: Record<Theme, readonly string[]> = {
  dutch_language: ['Inschrijven voor een cursus NT2 op het juiste niveau.', 'Binnen een jaar niveau B1 Nederlands behalen.', 'Starten met Nederlands op de werkvloer.'],
  basic_skills: ['Starten bij het Centrum voor Basiseducatie.', 'Lezen en schrijven oefenen tot de opleiding kan starten.'],
  secondary_diploma: ['Diploma secundair onderwijs behalen via het tweedekansonderwijs.', 'Inschrijven bij de examencommissie en een studieplan maken.'],
  vocational_training: ['Starten met de opleiding in het volgende semester.', 'Een opleiding kiezen en inschrijven bij VDAB of een CVO.', 'Een duaal traject met werkplekleren vinden.'],
  higher_education: ['Inschrijven in een graduaat- of bacheloropleiding.', 'Een haalbare combinatie van werk en studie uitwerken.'],
  diploma_recognition: ['Een aanvraag tot gelijkwaardigheid indienen bij NARIC-Vlaanderen.', 'Een overbruggingsopleiding vinden na de erkenning.'],
  digital_skills: ['De basiscursus computer afronden.', 'Zelfstandig online formulieren en e-mail gebruiken.'],
  entrepreneurship: ['De opleiding bedrijfsbeheer volgen bij Syntra.', 'Met begeleiding een ondernemingsplan opstellen.'],
  career_orientation: ['Een loopbaanplan met twee haalbare opties opstellen.', 'Na een oriëntatietraject een beroepsrichting kiezen.'],
  financing: ['Opleidingscheques en premies aanvragen.', 'De financiering van de opleiding rond krijgen.'],
};

const CONTACT_CHANNELS: Record<ContactKind, Weights<ContactChannel>> = {
  intake: { in_person: 62, phone: 18, video: 8, outreach: 12 },
  guidance: { in_person: 50, phone: 20, video: 14, email: 10, outreach: 6 },
  follow_up: { phone: 45, email: 30, in_person: 15, video: 10 },
};
// prettier-ignore
const CONTACT_NOTES: Record<ContactKind, readonly string[]> = {
  intake: ['Kennismaking en leervraag verkend.', 'Intakegesprek: situatie, scholing en drempels in kaart gebracht.', 'Eerste gesprek; afspraken gemaakt over de volgende stappen.', 'Intake met tolk; leervraag verduidelijkt.', 'Intake: diploma en werkervaring besproken.'],
  guidance: ['Opleidingsaanbod in de regio overlopen.', 'Inschrijving voorbereid en documenten nagekeken.', 'Motivatie en haalbaarheid van de opleiding besproken.', 'Samen het aanbod van het CVO bekeken.', 'Kinderopvang en vervoer naar de opleiding besproken.', 'Premies en opleidingscheques aangevraagd.', 'Voortgang van de afgesproken acties opgevolgd.'],
  follow_up: ['Telefonisch nagevraagd hoe de opleiding loopt.', 'Opvolging: de lerende is gestart en tevreden.', 'Opvolging: afspraak verzet, nieuwe datum gepland.', 'Mail gestuurd met nuttige contactgegevens.', 'Korte opvolging; geen nieuwe vragen.'],
};
/** How many contacts a phase of a case has (the intake phase always has the intake conversation). */
// prettier-ignore
const GUIDANCE_CONTACTS: readonly (readonly [number, number])[] = [[1, 40], [2, 28], [3, 15], [4, 9], [5, 5], [6, 3]];
// prettier-ignore
const FOLLOW_UP_CONTACTS: readonly (readonly [number, number])[] = [[0, 25], [1, 55], [2, 20]];
export const MAX_CONTACTS_PER_CASE = 8;

const ACTION_TASKS: readonly (readonly [ActionOwner, string])[] = [
  ['learner', 'Een kopie van het diploma meebrengen.'],
  ['learner', 'Inschrijven voor de infosessie van het CVO.'],
  ['learner', 'De niveautest Nederlands afleggen bij het Huis van het Nederlands.'],
  ['learner', 'Het cv bijwerken en doorsturen.'],
  ['learner', 'Het bewijs van inschrijving bij VDAB bezorgen.'],
  ['learner', 'Opleidingscheques aanvragen via de website van VDAB.'],
  ['learner', 'Kinderopvang regelen voor de lesdagen.'],
  ['counsellor', 'Contact opnemen met het CVO over de startdatum.'],
  ['counsellor', 'De aanvraag tot gelijkwaardigheid bij NARIC voorbereiden.'],
  ['counsellor', 'Navragen of er een wachtlijst is.'],
  ['counsellor', 'Het verslag van het gesprek doorsturen.'],
  ['counsellor', 'Het OCMW contacteren over een tussenkomst in de kosten.'],
  ['counsellor', 'Een afspraak plannen met de trajectbegeleider van VDAB.'],
];
const FOLLOW_UP_MONTHS = [3, 6, 12] as const;
const FOLLOW_UP_NOT_REACHED = 'Niet bereikt na drie pogingen.';

// ---------------------------------------------------------------------------------------------------------
// Rows (one per table row; the keys are mapped to columns in the TABLES below)
// ---------------------------------------------------------------------------------------------------------

export interface LearnerRow {
  id: string;
  firstName: string;
  lastName: string;
  /** YYYY-MM-DD */
  dateOfBirth: string;
  gender: Gender;
  email: string | null;
  phone: string | null;
  postalCode: string | null;
  municipality: string | null;
  nativeLanguage: Language;
  dutchLevel: DutchLevel;
  educationLevel: EducationLevel;
  employmentStatus: EmploymentStatus;
  targetGroups: TargetGroup[];
  referralSource: ReferralSource;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface ConsentRow {
  id: string;
  learnerId: string;
  purpose: ConsentPurpose;
  textVersion: string;
  givenAt: Date;
  registeredBy: string;
  withdrawnAt: Date | null;
  withdrawnBy: string | null;
  createdAt: Date;
}

export interface CaseRow {
  id: string;
  learnerId: string;
  kind: CaseKind;
  status: CaseStatus;
  counsellorId: string;
  learningQuestion: string;
  themes: Theme[];
  barriers: Barrier[];
  goal: string | null;
  exitReason: ExitReason | null;
  objectivesMet: ObjectivesMet | null;
  openedAt: Date;
  closedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface TransitionRow {
  caseId: string;
  fromStatus: CaseStatus | null;
  toStatus: CaseStatus;
  note: string | null;
  byUser: string;
  at: Date;
}

export interface ContactRow {
  id: string;
  caseId: string;
  occurredAt: Date;
  durationMinutes: number;
  channel: ContactChannel;
  kind: ContactKind;
  notes: string;
  counsellorId: string;
  createdAt: Date;
}

export interface ActionItemRow {
  id: string;
  caseId: string;
  task: string;
  owner: ActionOwner;
  /** YYYY-MM-DD */
  dueDate: string | null;
  doneAt: Date | null;
  followUpMonths: 3 | 6 | 12 | null;
  inEducation: boolean | null;
  certificateObtained: boolean | null;
  employed: boolean | null;
  outcomeNote: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface OfferGapRow {
  id: string;
  caseId: string;
  theme: Theme;
  description: string;
  signalledBy: string;
  signalledAt: Date;
}

export interface RegionDemo {
  learners: LearnerRow[];
  consents: ConsentRow[];
  cases: CaseRow[];
  transitions: TransitionRow[];
  contacts: ContactRow[];
  actionItems: ActionItemRow[];
  offerGaps: OfferGapRow[];
}

export interface RegionDemoOptions {
  /** The reference date: every generated moment lies before it, ages are taken at it. */
  today: Date;
  counsellorId: string;
  coordinatorId: string;
  count: number;
}

// ---------------------------------------------------------------------------------------------------------
// Deterministic randomness
// ---------------------------------------------------------------------------------------------------------

/** mulberry32: a small seeded PRNG; the same seed gives the same sequence on every platform. */
export class Prng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }

  /** Uniform integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[this.int(0, items.length - 1)];
    if (item === undefined) throw new Error('Cannot pick from an empty list');
    return item;
  }

  /** One of the items, each as likely as its weight. */
  pickWeighted<T>(entries: readonly (readonly [T, number])[]): T {
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
    let remaining = this.next() * total;
    for (const [item, weight] of entries) {
      remaining -= weight;
      if (remaining < 0) return item;
    }
    const last = entries.at(-1);
    if (!last) throw new Error('Cannot pick from empty weights');
    return last[0];
  }

  weighted<K extends string>(weights: Weights<K>): K {
    return this.pickWeighted(
      (Object.entries(weights) as [K, number | undefined][]).map(([key, weight]) => [key, weight ?? 0] as const),
    );
  }

  /** `count` distinct items, in a random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const pool = [...items];
    const chosen: T[] = [];
    while (chosen.length < count && pool.length > 0) chosen.push(...pool.splice(this.int(0, pool.length - 1), 1));
    return chosen;
  }

  /** A random (version 4) UUID built from this generator. */
  uuid(): string {
    const hex = Array.from({ length: 4 }, () => this.int(0, 0xffff_ffff).toString(16).padStart(8, '0')).join('');
    const variant = (8 + this.int(0, 3)).toString(16);
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  }
}

/** FNV-1a: a 32-bit seed from a text. */
function hashSeed(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

// ---------------------------------------------------------------------------------------------------------
// Dates (UTC calendar arithmetic; office hours 08:00–16:00 Belgian winter time)
// ---------------------------------------------------------------------------------------------------------

const DAY_MS = 86_400_000;

function startOfDay(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

/** Calendar months; the 31st becomes the last day of a shorter month. */
function addMonths(date: Date, months: number): Date {
  const day = date.getUTCDate();
  const first = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(day, lastDay)));
}

function daysBetween(from: Date, to: Date): number {
  return Math.floor((to.getTime() - from.getTime()) / DAY_MS);
}

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function earliest(a: Date, b: Date): Date {
  return a.getTime() <= b.getTime() ? a : b;
}

function isWorkday(date: Date): boolean {
  const weekday = date.getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** Saturday and Sunday move on to Monday. */
function nextWorkday(day: Date): Date {
  const weekday = day.getUTCDay();
  return weekday === 6 ? addDays(day, 2) : weekday === 0 ? addDays(day, 1) : day;
}

/** A quarter hour between 07:00 and 15:00 UTC on the given day. */
function officeTime(rng: Prng, day: Date): Date {
  return new Date(startOfDay(day).getTime() + (7 * 60 + rng.int(0, 32) * 15) * 60_000);
}

/** A moment strictly between `start` and `end`, in office hours on a working day when one fits. */
function momentBetween(rng: Prng, start: Date, end: Date): Date {
  const firstDay = startOfDay(start);
  const days = daysBetween(firstDay, end);
  for (let attempt = 0; attempt < 8; attempt++) {
    const candidate = officeTime(rng, addDays(firstDay, rng.int(0, days)));
    const inside = candidate.getTime() > start.getTime() && candidate.getTime() < end.getTime();
    if (inside && isWorkday(candidate)) return candidate;
  }
  const span = end.getTime() - start.getTime();
  return new Date(start.getTime() + Math.max(1, Math.floor(rng.next() * span)));
}

function momentsBetween(rng: Prng, start: Date, end: Date, count: number): Date[] {
  return Array.from({ length: count }, () => momentBetween(rng, start, end)).sort((a, b) => a.getTime() - b.getTime());
}

/** Born so that the learner is `age` at `today` and was already 18 at `adultBy` (else one year older). */
function dateOfBirth(rng: Prng, age: number, today: Date, adultBy: Date): string {
  const day = startOfDay(today);
  const youngest = earliest(addMonths(day, -12 * age), addMonths(startOfDay(adultBy), -12 * 18));
  const oldest = addDays(addMonths(day, -12 * (age + 1)), 1);
  if (youngest.getTime() < oldest.getTime()) return dateOfBirth(rng, age + 1, today, adultBy);
  return isoDate(addDays(oldest, rng.int(0, daysBetween(oldest, youngest))));
}

// ---------------------------------------------------------------------------------------------------------
// The generator
// ---------------------------------------------------------------------------------------------------------

interface Generation {
  rng: Prng;
  options: RegionDemoOptions;
  profile: RegionProfile;
  demo: RegionDemo;
}

/** What the generator knows about a learner while it writes the cases. */
interface Person {
  gender: Gender;
  age: number;
  nativeLanguage: Language;
  newcomer: boolean;
  dutchLevel: DutchLevel;
  educationLevel: EducationLevel;
  employmentStatus: EmploymentStatus;
  lowIncome: boolean;
  followUpConsent: boolean;
}

/**
 * Pure: the same slug and options give the same rows (deep-equal), another slug other rows. Each learner
 * has a generator of its own, so learner n of a region stays the same person whatever `today` is.
 */
export function generateRegionDemo(slug: string, options: RegionDemoOptions): RegionDemo {
  const seed = `${SEED}:${slug}`;
  const currentKinds = new Prng(hashSeed(seed)).sample(kindDeck(options.count), options.count);
  const demo: RegionDemo = { learners: [], consents: [], cases: [], transitions: [], contacts: [], actionItems: [], offerGaps: [] };
  const profile = REGION_PROFILES[slug] ?? GENERIC_PROFILE;
  currentKinds.forEach((kind, i) => {
    addLearner({ rng: new Prng(hashSeed(`${seed}:${i}`)), options, profile, demo }, kind);
  });
  addOfferGaps(new Prng(hashSeed(`${seed}:offer-gaps`)), demo, options.today);
  return demo;
}

/** Gaps in the offer that counsellors ran into, per theme (what a region would signal to providers). */
const GAP_DESCRIPTIONS: Partial<Record<Theme, readonly string[]>> = {
  dutch_language: ['Geen NT2-les op zaterdag in de buurt.', 'Wachtlijst van vier maanden voor NT2 richtgraad 1.'],
  vocational_training: ['Geen avondopleiding lasser binnen 30 km.', 'Opleiding zorgkundige volzet tot volgend schooljaar.'],
  secondary_diploma: ['Tweedekansonderwijs niet bereikbaar met het openbaar vervoer.'],
  digital_skills: ['Geen basiscursus computer in het Arabisch of Frans.'],
  higher_education: ['Geen deeltijds traject voor werkenden in deze richting.'],
  basic_skills: ['Geen rekenles op instapniveau overdag.'],
};

/** About one in twelve guidance cases signals that no suitable offer was found for its first theme. */
function addOfferGaps(rng: Prng, demo: RegionDemo, today: Date): void {
  for (const row of demo.cases) {
    const theme = row.themes[0];
    if (row.kind !== 'guidance' || !theme || !rng.chance(0.09)) continue;
    demo.offerGaps.push({
      id: rng.uuid(),
      caseId: row.id,
      theme,
      description: rng.pick(GAP_DESCRIPTIONS[theme] ?? ['Geen passend aanbod gevonden in de regio.']),
      signalledBy: row.counsellorId,
      signalledAt: momentBetween(rng, row.openedAt, row.closedAt ?? today),
    });
  }
}

/** Exactly INFO_SHARE of the learners' current cases are info cases. */
function kindDeck(count: number): CaseKind[] {
  const info = Math.round(count * INFO_SHARE);
  return Array.from({ length: count }, (_, i) => (i < info ? 'info' : 'guidance'));
}

function addLearner(generation: Generation, currentKind: CaseKind): void {
  const { rng, options, profile, demo } = generation;
  const origin = ORIGINS[rng.weighted(profile.origins)];
  const gender = rng.weighted(GENDER_WEIGHTS);
  const firstName = rng.pick(firstNames(rng, origin, gender));
  const lastName = surname(rng.pick(origin.surnames), gender);
  // Some learners came back after an earlier, closed case.
  const kinds: CaseKind[] = rng.chance(RETURNING_SHARE)
    ? [rng.chance(INFO_SHARE) ? 'info' : 'guidance', currentKind]
    : [currentKind];
  const infoOnly = kinds.every((kind) => kind === 'info');
  const person = describePerson(rng, origin, gender, infoOnly, kinds.includes('guidance'));

  const learnerId = rng.uuid();
  const cases = addCases(generation, learnerId, person, kinds);
  const first = cases[0];
  if (!first) throw new Error('A learner always has a case');
  const dateOfBirthText = dateOfBirth(rng, person.age, options.today, first.openedAt);
  const [postalCode, municipality] = address(rng, profile, infoOnly);
  demo.learners.push({
    id: learnerId,
    firstName,
    lastName,
    dateOfBirth: dateOfBirthText,
    gender,
    email: rng.chance(infoOnly ? 0.5 : 0.8) ? emailAddress(rng, firstName, lastName) : null,
    phone: rng.chance(infoOnly ? 0.7 : 0.88) ? phoneNumber(rng) : null,
    postalCode,
    municipality,
    nativeLanguage: person.nativeLanguage,
    dutchLevel: person.dutchLevel,
    educationLevel: person.educationLevel,
    employmentStatus: person.employmentStatus,
    targetGroups: targetGroups(rng, person),
    referralSource: referralSource(rng, person),
    createdBy: options.counsellorId,
    createdAt: first.openedAt,
    updatedAt: first.openedAt,
  });
  addConsents(generation, learnerId, first, person.followUpConsent);
}

function firstNames(rng: Prng, origin: NameOrigin, gender: Gender): readonly string[] {
  if (gender === 'female') return origin.female;
  if (gender === 'male') return origin.male;
  return rng.chance(0.5) ? origin.female : origin.male;
}

function surname(entry: string | readonly [string, string], gender: Gender): string {
  return typeof entry === 'string' ? entry : gender === 'female' ? entry[1] : entry[0];
}

function describePerson(
  rng: Prng,
  origin: NameOrigin,
  gender: Gender,
  infoOnly: boolean,
  hasGuidance: boolean,
): Person {
  const nativeLanguage = rng.weighted(origin.languages);
  const newcomer = nativeLanguage !== 'nl' && rng.chance(origin.newcomerShare);
  const age = pickAge(rng);
  const background = newcomer ? 'newcomer' : 'settled';
  return {
    gender,
    age,
    nativeLanguage,
    newcomer,
    dutchLevel: nativeLanguage === 'nl' ? 'native' : rng.weighted(DUTCH_LEVELS[background]),
    // An info contact needs minimal identification: some answers were not asked.
    educationLevel: infoOnly && rng.chance(0.3) ? 'not_collected' : rng.weighted(EDUCATION_LEVELS[background]),
    employmentStatus: infoOnly && rng.chance(0.25) ? 'not_collected' : employmentStatus(rng, age, newcomer),
    lowIncome: rng.chance(newcomer ? 0.3 : 0.15),
    followUpConsent: hasGuidance && rng.chance(0.75),
  };
}

function pickAge(rng: Prng): number {
  const [youngest, oldest] = rng.pickWeighted(AGE_BANDS.map((band) => [band, band[2]] as const));
  return rng.int(youngest, oldest);
}

function employmentStatus(rng: Prng, age: number, newcomer: boolean): EmploymentStatus {
  return rng.weighted<EmploymentStatus>({
    job_seeker: newcomer ? 50 : 40,
    employed: newcomer ? 16 : 28,
    inactive: newcomer ? 24 : 16,
    self_employed: 3,
    student: age < 26 ? 10 : 1,
    retired: age >= 60 ? 14 : 0,
    other: 4,
  });
}

/** Consistent with the other answers: ISCED 0–2, newcomer, 55+ and job seeker follow from them. */
function targetGroups(rng: Prng, person: Person): TargetGroup[] {
  const groups = new Set<TargetGroup>();
  if (isLowQualified(person.educationLevel)) groups.add('low_qualified');
  if (person.newcomer) groups.add('newcomer');
  if (person.age >= 55) groups.add('age_55_plus');
  if (rng.chance(0.06)) groups.add('disability');
  if (person.employmentStatus === 'job_seeker') groups.add('job_seeker');
  if (person.lowIncome) groups.add('low_income');
  if (rng.chance(0.015)) groups.add('detainee');
  return CODE_LISTS.targetGroups.map((entry) => entry.code).filter((code) => groups.has(code));
}

function isLowQualified(level: EducationLevel): boolean {
  return LOW_QUALIFIED_LEVELS.includes(level);
}

function referralSource(rng: Prng, person: Person): ReferralSource {
  return rng.weighted<ReferralSource>({
    self: 40,
    vdab: person.employmentStatus === 'job_seeker' ? 40 : 10,
    ocmw: person.lowIncome ? 30 : 5,
    integration_office: person.newcomer ? 45 : 0,
    clb: person.age < 25 ? 6 : 0,
    partner: 14,
    other: 8,
  });
}

function address(rng: Prng, profile: RegionProfile, infoOnly: boolean): [string | null, string | null] {
  if (infoOnly && rng.chance(0.1)) return [null, null];
  const [postalCode, municipality] = rng.pickWeighted(
    profile.municipalities.map((entry) => [entry, entry[2]] as const),
  );
  return [postalCode, municipality];
}

function emailAddress(rng: Prng, firstName: string, lastName: string): string {
  const suffix = rng.chance(0.3) ? String(rng.int(1, 99)) : '';
  return `${asciiFold(firstName)}.${asciiFold(lastName)}${suffix}@${rng.pick(EMAIL_DOMAINS)}`;
}

/** "Wiśniewska" → "wisniewska", "D'Hondt" → "dhondt", "Yılmaz" → "yilmaz". */
function asciiFold(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[ıİ]/g, 'i')
    .replace(/[łŁ]/g, 'l')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** A Belgian mobile number (+32 4xx xx xx xx). */
function phoneNumber(rng: Prng): string {
  const pair = (): string => String(rng.int(0, 99)).padStart(2, '0');
  return `+32 ${rng.pick(MOBILE_PREFIXES)} ${pair()} ${pair()} ${pair()}`;
}

// --- cases ---------------------------------------------------------------------------------------------------

/** Adds the learner's cases (oldest first) with everything that hangs off them; returns the case rows. */
function addCases(generation: Generation, learnerId: string, person: Person, kinds: readonly CaseKind[]): CaseRow[] {
  const { rng, options } = generation;
  const cases: CaseRow[] = [];
  for (const kind of kinds) {
    const previous = cases.at(-1);
    const isEarlier = cases.length < kinds.length - 1;
    const status = isEarlier ? 'closed' : rng.weighted(CASE_STATUS_WEIGHTS[kind]);
    const [lo, hi] = isEarlier ? EARLIER_CASE_DAYS_AGO : OPENED_DAYS_AGO[status];
    const latestStart = previous?.closedAt ? daysBetween(previous.closedAt, options.today) - DAYS_BETWEEN_CASES : hi;
    cases.push(addCase(generation, learnerId, person, kind, status, [lo, Math.min(hi, latestStart)]));
  }
  return cases;
}

function addCase(
  generation: Generation,
  learnerId: string,
  person: Person,
  kind: CaseKind,
  status: CaseStatus,
  openedDaysAgo: readonly [number, number],
): CaseRow {
  const { rng, options, demo } = generation;
  const path = statusPath(rng, kind, status);
  const times = timeline(rng, options.today, kind, path, openedDaysAgo);
  const openedAt = times[0] ?? options.today;
  const lastAt = times.at(-1) ?? openedAt;
  const closedAt = status === 'closed' ? lastAt : null;
  const exitReason = status === 'closed' ? rng.weighted(EXIT_REASONS[exitStage(kind, path)]) : null;
  const themes = pickThemes(rng, person, kind);
  const primary = themes[0] ?? 'career_orientation';
  const row: CaseRow = {
    id: rng.uuid(),
    learnerId,
    kind,
    status,
    counsellorId: rng.chance(0.8) ? options.counsellorId : options.coordinatorId,
    learningQuestion: rng.pick(LEARNING_QUESTIONS[primary]),
    themes,
    barriers: pickBarriers(rng, person, kind),
    goal: kind === 'guidance' && path.includes('intake') ? rng.pick(GOALS[primary]) : null,
    exitReason,
    objectivesMet: exitReason ? rng.weighted(OBJECTIVES_BY_EXIT[exitReason]) : null,
    openedAt,
    closedAt,
    createdAt: openedAt,
    updatedAt: lastAt,
  };
  demo.cases.push(row);
  path.forEach((to, i) => {
    demo.transitions.push({
      caseId: row.id,
      fromStatus: path[i - 1] ?? null,
      toStatus: to,
      note: to === 'closed' && exitReason ? CLOSING_NOTES[exitReason] : null,
      byUser: row.counsellorId,
      at: times[i] ?? openedAt,
    });
  });
  const contacts = addContacts(generation, row, path, times);
  if (kind === 'guidance' && (status === 'intake' || status === 'guidance' || status === 'follow_up')) {
    addActionItems(generation, row, contacts);
  }
  if (kind === 'guidance' && closedAt && exitReason && person.followUpConsent) {
    addFollowUps(generation, row, closedAt, exitReason);
  }
  return row;
}

/** The states the case went through, in lifecycle order; a closed case may have left from any state. */
function statusPath(rng: Prng, kind: CaseKind, status: CaseStatus): CaseStatus[] {
  const last = status === 'closed' ? rng.weighted(CLOSED_FROM[kind]) : status;
  const path: CaseStatus[] = LIFECYCLE.slice(0, LIFECYCLE.indexOf(last) + 1);
  return status === 'closed' ? [...path, 'closed'] : path;
}

function exitStage(kind: CaseKind, path: readonly CaseStatus[]): 'early' | 'info' | 'late' {
  if (kind === 'info') return 'info';
  return path.includes('guidance') ? 'late' : 'early';
}

/**
 * One moment per state of the path, in office hours on working days, strictly increasing, the last one
 * before today. The case opens within `openedDaysAgo` (days before today) where the path fits; long paths
 * in a short window are squeezed.
 */
function timeline(
  rng: Prng,
  today: Date,
  kind: CaseKind,
  path: readonly CaseStatus[],
  openedDaysAgo: readonly [number, number],
): Date[] {
  const gaps = path.slice(1).map((_, i) => {
    const [min, max] = STAY_DAYS[kind][activeStatus(path[i])];
    return rng.int(min, max);
  });
  // Each moment may move on by up to two days to reach a working day.
  const slack = 2 * path.length + 1;
  const [lo, hi] = openedDaysAgo;
  const room = Math.max(hi - slack, gaps.length);
  const total = gaps.reduce((sum, gap) => sum + gap, 0);
  const fitted = total > room ? gaps.map((gap) => Math.max(1, Math.floor((gap * room) / total))) : gaps;
  const needed = fitted.reduce((sum, gap) => sum + gap, 0) + slack;
  const latest = Math.max(hi, needed);
  const daysAgo = rng.int(Math.min(Math.max(lo, needed), latest), latest);

  let at = officeTime(rng, nextWorkday(addDays(startOfDay(today), -daysAgo)));
  const times = [at];
  for (const gap of fitted) {
    at = officeTime(rng, nextWorkday(addDays(startOfDay(at), gap)));
    times.push(at);
  }
  return times;
}

function activeStatus(status: CaseStatus | undefined): ActiveStatus {
  if (status === undefined || status === 'closed') throw new Error('No stay after a closed case');
  return status;
}

function pickThemes(rng: Prng, person: Person, kind: CaseKind): Theme[] {
  const weights: Weights<Theme> = {
    career_orientation: 12,
    vocational_training: 16,
    digital_skills: person.age >= 45 ? 9 : 4,
    financing: person.lowIncome ? 8 : 3,
    entrepreneurship: person.employmentStatus === 'self_employed' ? 20 : 3,
    higher_education: isLowQualified(person.educationLevel) ? 1 : 8,
    dutch_language: ['A0', 'A1', 'A2'].includes(person.dutchLevel) ? 45 : person.dutchLevel === 'B1' ? 10 : 0,
    secondary_diploma: isLowQualified(person.educationLevel) ? 16 : 0,
    basic_skills: person.educationLevel === 'isced_0' || person.educationLevel === 'isced_1' ? 14 : 1,
    diploma_recognition: person.educationLevel === 'foreign_not_recognised' ? 35 : 0,
  };
  const primary = rng.weighted(weights);
  const extra = rng.int(0, kind === 'info' ? 1 : 2);
  const others = (Object.keys(weights) as Theme[]).filter((theme) => theme !== primary && (weights[theme] ?? 0) > 0);
  return [primary, ...rng.sample(others, extra)];
}

function pickBarriers(rng: Prng, person: Person, kind: CaseKind): Barrier[] {
  const odds: Record<Barrier, number> = {
    language: ['A0', 'A1', 'A2'].includes(person.dutchLevel) ? 0.7 : person.dutchLevel === 'B1' ? 0.2 : 0.02,
    digital_skills: person.age >= 50 ? 0.3 : 0.08,
    family_childcare: person.gender === 'female' && person.age >= 25 && person.age <= 45 ? 0.35 : 0.06,
    cost: person.lowIncome ? 0.45 : 0.15,
    time: person.employmentStatus === 'employed' || person.employmentStatus === 'self_employed' ? 0.4 : 0.08,
    mobility: 0.12,
    confidence: isLowQualified(person.educationLevel) ? 0.28 : 0.15,
    health: person.age >= 50 ? 0.15 : 0.07,
    motivation: 0.07,
    information: 0.2,
  };
  if (kind === 'info' && rng.chance(0.6)) return [];
  const candidates = (Object.keys(odds) as Barrier[]).filter((barrier) => rng.chance(odds[barrier]));
  const chosen = new Set(rng.sample(candidates, 3));
  return candidates.filter((barrier) => chosen.has(barrier));
}

// --- contacts, action items, follow-ups, consents ---------------------------------------------------------------

/**
 * The intake conversation when the case reached intake, then contacts spread over the guidance and
 * follow-up phases. Each phase runs from its transition to the next one (or to closing, or today).
 */
function addContacts(
  generation: Generation,
  row: CaseRow,
  path: readonly CaseStatus[],
  times: readonly Date[],
): ContactRow[] {
  const { rng, options, demo } = generation;
  const end = row.closedAt ?? options.today;
  const planned: { at: Date; kind: ContactKind }[] = [];
  path.forEach((status, i) => {
    const start = times[i];
    if (!start) return;
    const phaseEnd = times[i + 1] ?? end;
    if (status === 'intake') {
      planned.push({ at: start, kind: 'intake' });
      if (row.kind === 'info' && rng.chance(0.2)) {
        planned.push({ at: momentBetween(rng, start, phaseEnd), kind: 'follow_up' });
      }
    } else if (status === 'guidance') {
      const count = rng.pickWeighted(GUIDANCE_CONTACTS);
      for (const at of momentsBetween(rng, start, phaseEnd, count)) planned.push({ at, kind: 'guidance' });
    } else if (status === 'follow_up') {
      const count = rng.pickWeighted(FOLLOW_UP_CONTACTS);
      for (const at of momentsBetween(rng, start, phaseEnd, count)) planned.push({ at, kind: 'follow_up' });
    }
  });
  const contacts = planned.slice(0, MAX_CONTACTS_PER_CASE).map(({ at, kind }): ContactRow => {
    const channel = rng.weighted(CONTACT_CHANNELS[kind]);
    return {
      id: rng.uuid(),
      caseId: row.id,
      occurredAt: at,
      durationMinutes:
        channel === 'email' ? rng.int(6, 9) * 5 : 5 * Math.round((rng.int(30, 90) + rng.int(30, 90)) / 10),
      channel,
      kind,
      notes: rng.pick(CONTACT_NOTES[kind]),
      counsellorId: row.counsellorId,
      createdAt: at,
    };
  });
  demo.contacts.push(...contacts);
  return contacts;
}

/** A few agreed tasks, each set after a conversation: some done, some overdue, some still ahead. */
function addActionItems(generation: Generation, row: CaseRow, contacts: readonly ContactRow[]): void {
  const { rng, options, demo } = generation;
  const today = options.today;
  const count = row.status === 'intake' ? rng.int(1, 2) : rng.int(2, 4);
  for (const [owner, task] of rng.sample(ACTION_TASKS, count)) {
    const agreedAt = contacts.length > 0 ? rng.pick(contacts).occurredAt : row.openedAt;
    const due = addDays(startOfDay(agreedAt), rng.int(7, 42));
    const overdue = due.getTime() < startOfDay(today).getTime();
    const done = rng.chance(overdue ? 0.6 : 0.15);
    const doneAt = done ? momentBetween(rng, agreedAt, earliest(addDays(due, 7), today)) : null;
    demo.actionItems.push({
      id: rng.uuid(),
      caseId: row.id,
      task,
      owner,
      dueDate: isoDate(due),
      doneAt,
      followUpMonths: null,
      inEducation: null,
      certificateObtained: null,
      employed: null,
      outcomeNote: null,
      createdAt: agreedAt,
      updatedAt: doneAt ?? agreedAt,
    });
  }
}

/** The 3/6/12-month follow-ups after closing; most that are due have been answered. */
function addFollowUps(generation: Generation, row: CaseRow, closedAt: Date, exitReason: ExitReason): void {
  const { rng, options, demo } = generation;
  const today = startOfDay(options.today);
  for (const months of FOLLOW_UP_MONTHS) {
    const due = addMonths(closedAt, months);
    const answered = due.getTime() < today.getTime() && rng.chance(0.8);
    const doneAt = answered ? momentBetween(rng, due, earliest(addDays(due, 14), options.today)) : null;
    const reached = answered && !(exitReason === 'lost_contact' && rng.chance(0.5));
    const studying = exitReason === 'started_course';
    const inEducation = reached ? rng.chance(studying ? 0.9 - months * 0.025 : 0.12) : null;
    demo.actionItems.push({
      id: rng.uuid(),
      caseId: row.id,
      task: `Opvolging ${months} maanden na afsluiting: nog in opleiding, getuigschrift behaald, aan het werk?`,
      owner: 'counsellor',
      dueDate: isoDate(due),
      doneAt,
      followUpMonths: months,
      inEducation,
      certificateObtained: reached ? (studying || inEducation === true) && rng.chance(months / 20) : null,
      employed: reached ? rng.chance(exitReason === 'found_work' ? 0.88 : 0.25 + months * 0.02) : null,
      outcomeNote: answered && !reached ? FOLLOW_UP_NOT_REACHED : null,
      createdAt: closedAt,
      updatedAt: doneAt ?? closedAt,
    });
  }
}

/** Guidance processing for everyone (at the first case); statistics and outcome follow-up for many. */
function addConsents(generation: Generation, learnerId: string, first: CaseRow, followUpConsent: boolean): void {
  const { rng, options, demo } = generation;
  const consent = (purpose: ConsentPurpose, withdrawn = false): ConsentRow => {
    const withdrawnAt = withdrawn ? momentBetween(rng, first.openedAt, options.today) : null;
    return {
      id: rng.uuid(),
      learnerId,
      purpose,
      textVersion: 'v1',
      givenAt: first.openedAt,
      registeredBy: first.counsellorId,
      withdrawnAt,
      withdrawnBy: withdrawnAt ? first.counsellorId : null,
      createdAt: first.openedAt,
    };
  };
  demo.consents.push(consent('guidance_processing'));
  if (rng.chance(0.75)) demo.consents.push(consent('statistics', rng.chance(0.04)));
  if (followUpConsent) demo.consents.push(consent('outcome_follow_up'));
}

// ---------------------------------------------------------------------------------------------------------
// Writing it
// ---------------------------------------------------------------------------------------------------------

/** Row key → column. Generated and defaulted columns (search keys, version, identity ids) are left out. */
interface Table<Row> {
  name: string;
  columns: { readonly [K in keyof Row]-?: string };
}

const TABLES = {
  learners: {
    name: 'learner',
    columns: {
      id: 'id',
      firstName: 'first_name',
      lastName: 'last_name',
      dateOfBirth: 'date_of_birth',
      gender: 'gender',
      email: 'email',
      phone: 'phone',
      postalCode: 'postal_code',
      municipality: 'municipality',
      nativeLanguage: 'native_language',
      dutchLevel: 'dutch_level',
      educationLevel: 'education_level',
      employmentStatus: 'employment_status',
      targetGroups: 'target_groups',
      referralSource: 'referral_source',
      createdBy: 'created_by',
      createdAt: 'created_at',
      updatedAt: 'updated_at',
    },
  } satisfies Table<LearnerRow>,
  consents: {
    name: 'consent',
    columns: {
      id: 'id',
      learnerId: 'learner_id',
      purpose: 'purpose',
      textVersion: 'text_version',
      givenAt: 'given_at',
      registeredBy: 'registered_by',
      withdrawnAt: 'withdrawn_at',
      withdrawnBy: 'withdrawn_by',
      createdAt: 'created_at',
    },
  } satisfies Table<ConsentRow>,
  cases: {
    name: 'guidance_case',
    columns: {
      id: 'id',
      learnerId: 'learner_id',
      kind: 'kind',
      status: 'status',
      counsellorId: 'counsellor_id',
      learningQuestion: 'learning_question',
      themes: 'themes',
      barriers: 'barriers',
      goal: 'goal',
      exitReason: 'exit_reason',
      objectivesMet: 'objectives_met',
      openedAt: 'opened_at',
      closedAt: 'closed_at',
      createdAt: 'created_at',
      updatedAt: 'updated_at',
    },
  } satisfies Table<CaseRow>,
  transitions: {
    name: 'case_transition',
    columns: {
      caseId: 'case_id',
      fromStatus: 'from_status',
      toStatus: 'to_status',
      note: 'note',
      byUser: 'by_user',
      at: 'at',
    },
  } satisfies Table<TransitionRow>,
  contacts: {
    name: 'contact',
    columns: {
      id: 'id',
      caseId: 'case_id',
      occurredAt: 'occurred_at',
      durationMinutes: 'duration_minutes',
      channel: 'channel',
      kind: 'kind',
      notes: 'notes',
      counsellorId: 'counsellor_id',
      createdAt: 'created_at',
    },
  } satisfies Table<ContactRow>,
  actionItems: {
    name: 'action_item',
    columns: {
      id: 'id',
      caseId: 'case_id',
      task: 'task',
      owner: 'owner',
      dueDate: 'due_date',
      doneAt: 'done_at',
      followUpMonths: 'follow_up_months',
      inEducation: 'in_education',
      certificateObtained: 'certificate_obtained',
      employed: 'employed',
      outcomeNote: 'outcome_note',
      createdAt: 'created_at',
      updatedAt: 'updated_at',
    },
  } satisfies Table<ActionItemRow>,
  offerGaps: {
    name: 'offer_gap',
    columns: { id: 'id', caseId: 'case_id', theme: 'theme', description: 'description', signalledBy: 'signalled_by', signalledAt: 'signalled_at' },
  } satisfies Table<OfferGapRow>,
};

/** Rows per INSERT: well below PostgreSQL's 65,535 parameters per statement. */
const ROWS_PER_INSERT = 500;
const MAX_PARAMETERS = 60_000;

/**
 * Seeds the demo guidance data into every demo region that has no learners yet, one transaction per
 * region. Returns the number of learners created (0 when all regions already had theirs).
 */
export async function seedDemoGuidance(owner: DataSource, today: Date = new Date()): Promise<number> {
  let created = 0;
  for (const region of DEMO_REGIONS) created += await seedRegion(owner, region.slug, region.displayName, today);
  return created;
}

async function seedRegion(owner: DataSource, slug: string, displayName: string, today: Date): Promise<number> {
  const regions = await owner.query<{ schema_name: string }[]>(
    'SELECT schema_name FROM platform.region WHERE slug = $1',
    [slug],
  );
  const schemaName = regions[0]?.schema_name;
  if (!schemaName) return 0; // not provisioned (yet): nothing to fill
  const { counsellorId, coordinatorId } = await demoStaff(owner, slug, displayName);
  return owner.transaction(async (manager) => {
    await manager.query("SELECT set_config('search_path', $1, true)", [quoteIdent(schemaName)]);
    // The same lock as schema migrations of this region: two seeders never both find the region empty.
    await manager.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [REGION_SCHEMA_LOCK_NAMESPACE, slug]);
    const existing = await manager.query<{ present: boolean }[]>('SELECT EXISTS (SELECT 1 FROM learner) AS present');
    if (existing[0]?.present) return 0;
    const demo = generateRegionDemo(slug, { today, counsellorId, coordinatorId, count: DEMO_LEARNERS_PER_REGION });
    await insertRows(manager, TABLES.learners, demo.learners);
    await insertRows(manager, TABLES.consents, demo.consents);
    await insertRows(manager, TABLES.cases, demo.cases);
    await insertRows(manager, TABLES.transitions, demo.transitions);
    await insertRows(manager, TABLES.contacts, demo.contacts);
    await insertRows(manager, TABLES.actionItems, demo.actionItems);
    await insertRows(manager, TABLES.offerGaps, demo.offerGaps);
    return demo.learners.length;
  });
}

/** The region's demo counsellor and coordinator (seeded before this runs). */
async function demoStaff(
  owner: DataSource,
  slug: string,
  displayName: string,
): Promise<{ counsellorId: string; coordinatorId: string }> {
  const accounts = demoRegionAccounts(slug, displayName);
  const users = await owner.query<{ id: string; email: string }[]>(
    'SELECT id, email FROM platform.user_account WHERE email = ANY($1)',
    [accounts.map((account) => account.email)],
  );
  const idOf = (role: string): string => {
    const email = accounts.find((account) => account.regionRole === role)?.email;
    const id = users.find((user) => user.email === email)?.id;
    if (!id) throw new Error(`Demo ${role} of ${slug} not found: seed the demo accounts first`);
    return id;
  };
  return { counsellorId: idOf('counsellor'), coordinatorId: idOf('coordinator') };
}

/** Multi-row parameterised INSERTs into the current search_path, in batches. */
async function insertRows<Row>(manager: EntityManager, table: Table<Row>, rows: readonly Row[]): Promise<void> {
  const keys = Object.keys(table.columns) as (keyof Row & string)[];
  const columnList = keys.map((key) => table.columns[key]).join(', ');
  const batchSize = Math.min(ROWS_PER_INSERT, Math.floor(MAX_PARAMETERS / keys.length));
  for (let start = 0; start < rows.length; start += batchSize) {
    const values: unknown[] = [];
    const tuples = rows.slice(start, start + batchSize).map((row) => {
      const placeholders = keys.map((key) => {
        values.push(row[key]);
        return `$${values.length}`;
      });
      return `(${placeholders.join(', ')})`;
    });
    await manager.query(`INSERT INTO ${table.name} (${columnList}) VALUES ${tuples.join(', ')}`, values);
  }
}
