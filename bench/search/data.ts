// Deterministic synthetic catalogue data for bench/search: a seeded PRNG, a vocabulary of
// made-up words (some accented) drawn with a Zipf distribution, names, genres and tags.
// The seeder and the query mix both rebuild the same vocabulary from the same seed.

/** sfc32: small, fast, and good enough to make data; seeded from a string. */
export function createRandom(seed: string) {
  let h = 1779033703 ^ seed.length;
  for (let i = 0; i < seed.length; i++) {
    h = Math.imul(h ^ seed.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  const next32 = () => {
    h = Math.imul(h ^ (h >>> 16), 2246822507);
    h = Math.imul(h ^ (h >>> 13), 3266489909);
    h ^= h >>> 16;
    return h >>> 0;
  };
  let a = next32();
  let b = next32();
  let c = next32();
  let d = next32();
  const uint32 = () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 15; i++) uint32();
  const float = () => uint32() / 4294967296;
  return {
    uint32,
    /** Uniform in [0, 1). */
    float,
    /** Uniform integer in [min, max]. */
    int: (min: number, max: number) => min + Math.floor(float() * (max - min + 1)),
    chance: (p: number) => float() < p,
    pick: <T>(items: readonly T[]): T => items[Math.floor(float() * items.length)] as T,
    /** A version-4 UUID made of this generator's bits, so ids repeat from run to run. */
    uuid() {
      const hex = [uint32(), uint32(), uint32(), uint32()].map((n) => n.toString(16).padStart(8, "0")).join("");
      const variant = ((Number.parseInt(hex[16] as string, 16) & 0x3) | 0x8).toString(16);
      return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
    },
  };
}
export type Random = ReturnType<typeof createRandom>;

/** Samples ranks 0..n-1 with P(rank k) ∝ 1/(k+1)^s. */
export function zipfSampler(n: number, s: number) {
  const cdf = new Float64Array(n);
  let total = 0;
  for (let k = 0; k < n; k++) {
    total += 1 / (k + 1) ** s;
    cdf[k] = total;
  }
  for (let k = 0; k < n; k++) cdf[k] = (cdf[k] as number) / total;
  return (random: Random) => {
    const u = random.float();
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((cdf[mid] as number) < u) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

/** Lower case, accents dropped, the way a person types without them. */
export function fold(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/ø/g, "o")
    .replace(/Ø/g, "O")
    .replace(/æ/g, "ae")
    .replace(/ł/g, "l")
    .replace(/ß/g, "ss")
    .replace(/đ/g, "d")
    .toLowerCase();
}

export const capitalize = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

// biome-ignore format: a letter list
const ONSETS = [
  "", "", "b", "br", "c", "ch", "d", "dr", "f", "fl", "g", "gr", "h", "j", "k", "kl", "l", "m", "n",
  "p", "pl", "qu", "r", "s", "sh", "sk", "st", "t", "th", "tr", "v", "w", "z", "bl", "cr", "sn", "gl",
];
const VOWELS = ["a", "e", "i", "o", "u", "a", "e", "o", "ai", "ea", "ou", "io", "y", "ie"];
const CODAS = ["", "", "", "n", "r", "l", "s", "m", "nd", "rt", "x", "k", "st", "ng", "sh"];
const ACCENTED: Record<string, string[]> = {
  a: ["á", "à", "â", "ä", "å"],
  e: ["é", "è", "ê", "ë"],
  i: ["í", "î", "ï"],
  o: ["ó", "ô", "ö", "ø"],
  u: ["ú", "û", "ü"],
  n: ["ñ"],
  c: ["ç"],
};

function makeWord(random: Random, syllables: number): string {
  let word = "";
  for (let i = 0; i < syllables; i++) word += random.pick(ONSETS) + random.pick(VOWELS);
  return word + random.pick(CODAS);
}

function accent(random: Random, word: string): string {
  const spots = [...word].flatMap((letter, index) => (ACCENTED[letter] ? [index] : []));
  if (spots.length === 0) return word;
  const index = random.pick(spots);
  const letters = [...word];
  letters[index] = random.pick(ACCENTED[letters[index] as string] as string[]);
  return letters.join("");
}

export interface Vocabulary {
  /** Ordered by Zipf rank: words[0] is the most common. */
  words: string[];
  sampleRank(random: Random): number;
  sample(random: Random): string;
}

/**
 * `size` distinct made-up words, about 8 % of them accented, none folding to the same
 * unaccented form as another (so "did you mean" has one right answer). Short words get
 * the common ranks, as in natural language.
 */
export function buildVocabulary(size = 24_000, s = 1.07, seed = "stave-bench-vocabulary"): Vocabulary {
  const random = createRandom(seed);
  const folded = new Set<string>();
  const candidates: { word: string; order: number }[] = [];
  while (candidates.length < size) {
    const syllables = random.pick([1, 2, 2, 2, 3, 3, 3, 4]);
    let word = makeWord(random, syllables);
    if (word.length < 3 || word.length > 14 || folded.has(word)) continue;
    folded.add(word);
    if (random.chance(0.08)) word = accent(random, word);
    candidates.push({ word, order: word.length + random.float() * 4 });
  }
  candidates.sort((x, y) => x.order - y.order);
  const words = candidates.map((candidate) => candidate.word);
  const sampleRank = zipfSampler(size, s);
  return { words, sampleRank, sample: (r) => words[sampleRank(r)] as string };
}

// biome-ignore format: a word list
export const GENRES = [
  "Ambient", "Afrobeat", "Alternative", "Blues", "Bossa Nova", "Breakbeat", "Chillout", "Classical",
  "Country", "Dancehall", "Deep House", "Disco", "Drum & Bass", "Dub", "Dubstep", "Electronic",
  "Experimental", "Folk", "Funk", "Garage", "Gospel", "Grime", "Hip-Hop", "House", "Indie", "Jazz",
  "K-Pop", "Latin", "Lo-Fi", "Metal", "Pop", "Punk", "R&B", "Reggae", "Reggaeton", "Rock", "Soul",
  "Soundtrack", "Synthwave", "Techno", "Trance", "World",
];

// biome-ignore format: a word list
const REAL_TAGS = [
  "chill", "study", "summer", "night", "rainy", "workout", "focus", "party", "acoustic", "live",
  "remix", "cover", "instrumental", "vocal", "piano", "guitar", "synth", "bass", "drums", "80s", "90s",
  "vintage", "dreamy", "dark", "happy", "sad", "love", "roadtrip", "sleep", "meditation", "beats",
  "underground", "demo", "original", "collab", "bedroom", "tape", "vinyl", "analog", "modular",
];

/** Real tags plus made-up ones from the vocabulary's middle ranks: 400 in all. */
export function buildTags(vocabulary: Vocabulary): string[] {
  const tags = [...REAL_TAGS];
  for (let rank = 300; tags.length < 400; rank += 7) tags.push(vocabulary.words[rank] as string);
  return tags;
}

// biome-ignore format: a word list
const FIRST_NAMES = [
  "Zoë", "José", "François", "Søren", "Björk", "Chloé", "Renée", "Anaïs", "Élodie", "Jürgen", "Łukasz",
  "Núria", "Inés", "Maël", "Ömer", "Åsa", "Mónica", "Raphaël", "Noël", "Zoé", "Ana", "Ben", "Cara",
  "Dan", "Eva", "Finn", "Gia", "Hugo", "Iris", "Jack", "Kai", "Lena", "Milo", "Nina", "Otto", "Pia",
  "Quinn", "Rosa", "Sam", "Tara", "Uma", "Vera", "Will", "Xena", "Yara", "Zack", "Alice", "Bruno",
  "Clara", "David", "Emma", "Felix", "Grace", "Henry", "Isla", "James", "Kira", "Liam", "Maya", "Noah",
  "Olivia", "Paul", "Ruby", "Sofia", "Theo", "Ursula", "Victor", "Wendy", "Yusuf", "Amara", "Bilal",
  "Chidi", "Dara", "Emeka", "Farah", "Hana", "Ikaika", "Jun", "Kenji", "Leilani", "Mei", "Nadia",
  "Oren", "Priya", "Ravi", "Sakura", "Tomás", "Wiebke", "Xiomara", "Yosef", "Zainab", "Ángel", "Çağla",
];

// biome-ignore format: a word list
const LAST_NAMES = [
  "Brûlé", "Muñoz", "Dvořák", "Müller", "Sørensen", "Lefèvre", "Núñez", "Åberg", "Gößmann", "Kowalski",
  "García", "Hernández", "Jiménez", "Peña", "Ibáñez", "Ødegaard", "Strauß", "Çelik", "Öztürk", "Østby",
  "Smith", "Jones", "Taylor", "Brown", "Wilson", "Evans", "Thomas", "Roberts", "Walker", "Wright",
  "Martin", "Bernard", "Dubois", "Moreau", "Laurent", "Simon", "Michel", "Rossi", "Russo", "Ferrari",
  "Esposito", "Bianchi", "Romano", "Colombo", "Ricci", "Marino", "Novak", "Horvat", "Kovač", "Nagy",
  "Tanaka", "Suzuki", "Sato", "Watanabe", "Kim", "Lee", "Park", "Chen", "Wang", "Li", "Nguyen", "Tran",
  "Okafor", "Mensah", "Diallo", "Abebe", "Haddad", "Khan", "Patel", "Singh", "Silva", "Santos",
  "Oliveira", "Costa", "Pereira", "Andersson", "Johansson", "Virtanen", "Nieminen", "Jensen", "Hansen",
  "Larsen", "Olsen", "Murphy", "Kelly", "Byrne", "Walsh", "Novotný", "Svoboda", "Dvořáková", "Wójcik",
];

/** A person's or a band's name: mostly people, some bands named from the vocabulary. */
export function makeDisplayName(random: Random, vocabulary: Vocabulary): string {
  const roll = random.float();
  if (roll < 0.7) return `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`;
  const word = () => capitalize(vocabulary.words[random.int(50, 8000)] as string);
  if (roll < 0.85) return `The ${word()}${random.chance(0.5) ? "s" : ""}`;
  if (roll < 0.95) return `${word()} ${word()}`;
  return `DJ ${word()}`;
}

/** A username for a display name, matching ^[a-z0-9_.-]{3,30}$ before any suffix. */
export function usernameBase(random: Random, displayName: string): string {
  const separator = random.pick([".", "_", "", "-"]);
  const base = fold(displayName)
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .join(separator)
    .slice(0, 22);
  return base.length >= 3 ? base : `${base}music`;
}
