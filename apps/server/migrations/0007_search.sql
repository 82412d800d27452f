-- Search over tracks, creators and playlists.
--
-- Full-text search is language-neutral (titles and names come in every language, so no
-- stemming) and accent-blind. Three things keep it fast at millions of tracks:
--   * popularity tiers: each public track's document carries marker lexemes for the
--     popularity tier it is in, so a query for a common word can ask the GIN index for
--     "word AND among the top 0.2 %" first, and rank a bounded candidate set rather than
--     every match (search.repo.ts widens tier by tier until it has enough candidates);
--   * a word table for typo correction, as the pg_trgm documentation suggests: a query
--     word that is no known word is replaced by its closest known one;
--   * partial GIN indexes holding only what anyone may find (public and ready).

CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TEXT SEARCH CONFIGURATION stave_search (COPY = pg_catalog.simple);
ALTER TEXT SEARCH CONFIGURATION stave_search
  ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;

-- lower(unaccent(value)), immutable so expression indexes can use it (the unaccent rules
-- are fixed for the life of the database).
CREATE FUNCTION stave_fold(value text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  RETURN lower(unaccent('unaccent'::regdictionary, value));

-- Tier 0 = the most popular 0.2 % of public tracks, 1 = the top 2 %, 2 = the top 20 %,
-- 3 = the rest (and everything not yet ranked). Recomputed hourly by `search.refresh`.
ALTER TABLE tracks
  ADD COLUMN search_tier smallint NOT NULL DEFAULT 3 CHECK (search_tier BETWEEN 0 AND 3),
  ADD COLUMN search_document tsvector NOT NULL DEFAULT ''::tsvector;

-- Cumulative markers: a tier-0 track is also in the top 2 % and the top 20 %. The leading
-- "~" keeps them apart from anything the parser can produce from text.
CREATE FUNCTION stave_tier_lexemes(tier smallint) RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  RETURN CASE tier
    WHEN 0 THEN '~tier0 ~tier1 ~tier2'::tsvector
    WHEN 1 THEN '~tier1 ~tier2'::tsvector
    WHEN 2 THEN '~tier2'::tsvector
    ELSE ''::tsvector
  END;

-- Weighted: title (A) > creator and artist (B) > genre, tags, album (C) > description (D).
CREATE FUNCTION tracks_search_document() RETURNS trigger
  LANGUAGE plpgsql AS $$
DECLARE
  creator_names text;
BEGIN
  SELECT concat_ws(' ', u.username, p.display_name) INTO creator_names
    FROM users u LEFT JOIN user_profiles p ON p.user_id = u.id
   WHERE u.id = NEW.owner_id;
  NEW.search_document :=
       setweight(to_tsvector('stave_search', NEW.title), 'A')
    || setweight(to_tsvector('stave_search', concat_ws(' ', creator_names, NEW.artist)), 'B')
    || setweight(to_tsvector('stave_search', concat_ws(' ', NEW.genre, array_to_string(NEW.tags, ' '), NEW.album)), 'C')
    || setweight(to_tsvector('stave_search', left(coalesce(NEW.description, ''), 2000)), 'D')
    || stave_tier_lexemes(NEW.search_tier);
  RETURN NEW;
END $$;

CREATE TRIGGER tracks_search_document
  BEFORE INSERT OR UPDATE OF title, description, genre, tags, artist, album, search_tier, owner_id ON tracks
  FOR EACH ROW EXECUTE FUNCTION tracks_search_document();

UPDATE tracks SET search_tier = search_tier;

CREATE INDEX tracks_search_idx ON tracks USING gin (search_document)
  WHERE visibility = 'public' AND status = 'ready';
-- Someone typing a whole title exactly must find it, however common its words.
CREATE INDEX tracks_exact_title_idx ON tracks (stave_fold(title))
  WHERE visibility = 'public' AND status = 'ready';

-- A creator's new name must find their tracks: touching search_tier rebuilds the documents.
-- The trigger's argument names the column holding the user's id.
CREATE FUNCTION tracks_search_owner_renamed() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  UPDATE tracks SET search_tier = search_tier WHERE owner_id = (to_jsonb(NEW) ->> TG_ARGV[0])::uuid;
  RETURN NULL;
END $$;

CREATE TRIGGER users_search_renamed
  AFTER UPDATE OF username ON users
  FOR EACH ROW WHEN (OLD.username IS DISTINCT FROM NEW.username)
  EXECUTE FUNCTION tracks_search_owner_renamed('id');

CREATE TRIGGER user_profiles_search_renamed
  AFTER UPDATE OF display_name ON user_profiles
  FOR EACH ROW WHEN (OLD.display_name IS DISTINCT FROM NEW.display_name)
  EXECUTE FUNCTION tracks_search_owner_renamed('user_id');

-- Known words (from titles, names, genres and tags of public tracks: never from private
-- ones, whose words must not leak through "did you mean"), for typo correction.
-- Byte order ("C") lets the primary key answer "words starting with …" as a range scan.
CREATE TABLE search_words (
  word      text COLLATE "C" PRIMARY KEY,
  documents integer NOT NULL DEFAULT 1
);
CREATE INDEX search_words_trgm_idx ON search_words USING gin (word gin_trgm_ops);

-- New words are known at once; `search.refresh` recounts them and forgets departed ones.
CREATE FUNCTION tracks_search_words() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO search_words (word)
  SELECT lexeme FROM unnest(NEW.search_document)
   WHERE NOT weights <@ '{D}'::text[] AND length(lexeme) <= 60
  ON CONFLICT (word) DO NOTHING;
  RETURN NULL;
END $$;

CREATE TRIGGER tracks_search_words
  AFTER INSERT OR UPDATE OF title, genre, tags, artist, album, owner_id, visibility, status ON tracks
  FOR EACH ROW WHEN (NEW.visibility = 'public' AND NEW.status = 'ready')
  EXECUTE FUNCTION tracks_search_words();

-- Creators: trigram matching on names covers typos, prefixes and parts of names.
CREATE INDEX users_username_trgm_idx ON users USING gin (username gin_trgm_ops);
CREATE INDEX users_username_prefix_idx ON users (username text_pattern_ops);
CREATE INDEX user_profiles_display_name_trgm_idx ON user_profiles USING gin (stave_fold(display_name) gin_trgm_ops);
CREATE INDEX user_profiles_display_name_prefix_idx ON user_profiles (stave_fold(display_name) text_pattern_ops);

-- Playlists: their own text only, so a generated column suffices.
ALTER TABLE playlists
  ADD COLUMN search_document tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('stave_search'::regconfig, title), 'A')
    || setweight(to_tsvector('stave_search'::regconfig, coalesce(description, '')), 'D')
  ) STORED;
CREATE INDEX playlists_search_idx ON playlists USING gin (search_document) WHERE visibility = 'public';
CREATE INDEX playlists_title_trgm_idx ON playlists USING gin (stave_fold(title) gin_trgm_ops)
  WHERE visibility = 'public';
