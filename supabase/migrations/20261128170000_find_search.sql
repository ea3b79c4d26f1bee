-- Free-text search for the residents' find page (/aanbod), Dutch-aware without a new table:
-- accents folded (unaccent: "café" = "cafe"), compounds matched inside words ("taal cafe" finds
-- "Taalcafé", "voedselbank" finds "Voedselbank-uitgiftepunt") and small typos forgiven with
-- trigram word similarity (pg_trgm). Dutch full-text search (to_tsvector('dutch', …)) was not
-- used: its stemmer does not split compounds, so "taal cafe" would not find "Taalcafé".
--
-- Both extensions go into schema "extensions", where a Supabase project keeps them; the
-- functions name it explicitly and run with an empty search_path.

create schema if not exists extensions;
grant usage on schema extensions to anon, authenticated, service_role;
create extension if not exists unaccent with schema extensions;
create extension if not exists pg_trgm with schema extensions;

-- ============================================================================================
-- Normalising text: lower case, accents removed
-- ============================================================================================

-- unaccent(text) with one argument looks its dictionary up through search_path, so it is only
-- stable; naming the dictionary makes the result depend on the input alone (immutable), which
-- also allows an expression index later.
create function public.find_normalise(value text) returns text
language sql immutable strict parallel safe
set search_path = ''
as $$
  select lower(extensions.unaccent('extensions.unaccent'::regdictionary, value))
$$;
comment on function public.find_normalise(text) is
  'Text for searching: lower case, accents removed (unaccent). Used by find_text_matches.';

-- ============================================================================================
-- Matching a query against a document
-- ============================================================================================

-- Every word of the query (two letters or more, split on spaces and punctuation) must occur in
-- the document: inside a word ("cafe" in "taalcafe"), in the document with its spaces removed
-- ("taalcafe" in "taal cafe"), or, for words of four letters or more, with a trigram word
-- similarity of at least 0.6 ("taalcfe" for "taalcafe"). A query without such words matches.
create function public.find_text_matches(document text, query text) returns boolean
language sql immutable parallel safe
set search_path = ''
as $$
  with doc as (
    select public.find_normalise(coalesce(document, '')) as plain,
           regexp_replace(public.find_normalise(coalesce(document, '')), '[[:space:][:punct:]]+', '', 'g')
             as compact
  ),
  words as (
    select word
      from regexp_split_to_table(public.find_normalise(coalesce(query, '')), '[[:space:][:punct:]]+')
        as word
     where length(word) >= 2
  )
  select coalesce(bool_and(
           strpos(doc.plain, words.word) > 0
           or strpos(doc.compact, words.word) > 0
           or (length(words.word) >= 4 and extensions.word_similarity(words.word, doc.plain) >= 0.6)
         ), true)
    from doc cross join words
$$;
comment on function public.find_text_matches(text, text) is
  'True when every word of the query occurs in the document (accents folded, inside compounds, small typos forgiven).';

revoke all on function public.find_normalise(text) from public;
revoke all on function public.find_text_matches(text, text) from public;
grant execute on function public.find_normalise(text) to anon, authenticated, service_role;
grant execute on function public.find_text_matches(text, text) to anon, authenticated, service_role;
