-- The leefgebieden (life domains) Buurtkracht works with, each tied to the law that mainly
-- covers support in that domain. Names are plain Dutch (B1) and English.

insert into public.themes (code, law, name_nl, name_en, description_nl, description_en, sort_order) values
  ('sociaal-netwerk', 'wmo2015', 'Contact en eenzaamheid', 'Social contact and loneliness',
   'Mensen ontmoeten, minder alleen zijn.', 'Meeting people, feeling less alone.', 10),
  ('geldzaken', 'participatiewet', 'Geld en schulden', 'Money and debts',
   'Rondkomen, rekeningen, schulden.', 'Making ends meet, bills, debts.', 20),
  ('werk-en-dagbesteding', 'participatiewet', 'Werk en dagbesteding', 'Work and daytime activity',
   'Werk vinden, vrijwilligerswerk, iets te doen hebben overdag.', 'Finding work, volunteering, something to do during the day.', 30),
  ('opvoeden-en-opgroeien', 'jeugdwet', 'Opvoeden en opgroeien', 'Parenting and growing up',
   'Vragen over kinderen en jongeren.', 'Questions about children and young people.', 40),
  ('gezondheid', 'wmo2015', 'Gezondheid en zorg', 'Health and care',
   'Fit blijven, zorg en ondersteuning thuis.', 'Staying fit, care and support at home.', 50),
  ('mantelzorg', 'wmo2015', 'Mantelzorg', 'Informal care',
   'Zorgen voor een naaste, en hulp voor wie dat doet.', 'Caring for someone close, and support for carers.', 60),
  ('wonen', 'wmo2015', 'Wonen en woonomgeving', 'Housing and living environment',
   'Prettig en veilig wonen in de buurt.', 'Living well and safely in the neighbourhood.', 70),
  ('taal-en-digitaal', 'participatiewet', 'Taal en digitale vaardigheden', 'Language and digital skills',
   'Nederlands leren, lezen en schrijven, omgaan met computer en telefoon.', 'Learning Dutch, reading and writing, using a computer or phone.', 80),
  ('vervoer', 'wmo2015', 'Vervoer', 'Mobility',
   'Ergens komen: boodschappen, dokter, familie.', 'Getting places: shopping, the doctor, family.', 90),
  ('voeding', 'geen', 'Eten', 'Food',
   'Genoeg en gezond eten, samen eten.', 'Enough healthy food, eating together.', 100);
